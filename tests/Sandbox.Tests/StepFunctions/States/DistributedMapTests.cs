using System.Text.Json.Nodes;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.States;

public class DistributedMapTests
{
    private const string Double = """{"StartAt":"D","States":{"D":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($.n, $.n)"},"End":true}}}""";

    private static string Machine(string mapFields, string processor = Double, string type = "STANDARD") =>
        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + mapFields + (mapFields.Length > 0 ? "," : "") +
        "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"" + type + "\"}," + processor[1..] + ",\"End\":true}}}";

    [Fact]
    public void SFN_13_DistributedMap_EachItemIsAChildExecutionWithItsOwnHistory()
    {
        var e = Sfn.Run(Machine("\"ItemsPath\":\"$.items\",\"Label\":\"Doubler\""), """{"items":[{"n":1},{"n":2},{"n":3}]}""");

        Sfn.JsonEqual("""[{"v":2},{"v":4},{"v":6}]""", Sfn.Output(e));
        Assert.Equal(
            ["ExecutionStarted", "MapStateEntered", "MapRunStarted", "MapRunSucceeded", "MapStateExited", "ExecutionSucceeded"],
            Sfn.Types(e));
        var mapRunArn = e.History.Single(h => h.Type == "MapRunStarted").Details!["mapRunArn"]!.GetValue<string>();
        Assert.StartsWith($"arn:aws:states:us-east-1:123456789012:mapRun:{e.StateMachine.Name}/Doubler:", mapRunArn, StringComparison.Ordinal);
        Assert.Equal(3, e.ChildExecutions.Count);
        Assert.All(e.ChildExecutions, c =>
        {
            Assert.Equal(ExecutionStatus.Succeeded, c.Status);
            Assert.Equal($"{e.StateMachine.Name}/Doubler", c.StateMachine.Name);
            Assert.StartsWith($"arn:aws:states:us-east-1:123456789012:execution:{e.StateMachine.Name}/Doubler:", c.Arn, StringComparison.Ordinal);
            Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], Sfn.Types(c));
        });
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], e.ChildExecutions.Select(c => c.Input));
    }

    [Fact]
    public void SFN_13_DistributedMap_MaxConcurrency_CapsChildExecutionsInFlight_DefaultIsTenThousand()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "Work" }, HandlerFactory.FromDelegate((int e, ILambdaContext c) =>
        {
            SimulatedWork.Spend(100);
            return e;
        }));
        const string task = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Work","End":true}}}""";

        var e = Sfn.Run(Machine("\"MaxConcurrency\":2", task), "[1,2,3,4,5]", sim);

        Sfn.JsonEqual("[1,2,3,4,5]", Sfn.Output(e));
        var runs = e.ChildExecutions.Select(c => (c.StartDate, Stop: c.StopDate!.Value)).ToList();
        Assert.Equal(2, runs.Max(r => runs.Count(o => o.StartDate <= r.StartDate && o.Stop > r.StartDate)));
        Assert.Equal(10_000, ExecutionRunner.DistributedMapConcurrency);
    }

    [Fact]
    public void SFN_13_DistributedMap_AFailedChild_FailsTheMapRunWithExceedToleratedFailureThreshold()
    {
        const string failing = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":0,"Next":"F"}],"Default":"OK"},"F":{"Type":"Fail","Error":"Negative"},"OK":{"Type":"Pass","End":true}}}""";

        var strict = Sfn.Run(Machine("\"MaxConcurrency\":1", failing), """[{"n":1},{"n":-1},{"n":2}]""");
        var tolerant = Sfn.Run(Machine("\"ToleratedFailureCount\":1", failing), """[{"n":1},{"n":-1},{"n":2}]""");
        var percent = Sfn.Run(Machine("\"ToleratedFailurePercentage\":50", failing), """[{"n":-1},{"n":-1},{"n":2}]""");

        Assert.Equal((ExecutionStatus.Failed, StatesErrors.ExceedToleratedFailureThreshold), (strict.Status, strict.Error));
        Assert.Contains("MapRunFailed", Sfn.Types(strict));
        Assert.Equal(2, strict.ChildExecutions.Count);
        Assert.Equal("Negative", strict.ChildExecutions[1].Error);
        Assert.Equal(ExecutionStatus.Succeeded, tolerant.Status);
        Sfn.JsonEqual("""[{"n":1},null,{"n":2}]""", Sfn.Output(tolerant));
        Assert.Equal(StatesErrors.ExceedToleratedFailureThreshold, percent.Error);
    }

    [Fact]
    public void SFN_13_DistributedMap_ItemBatcher_GroupsItemsWithBatchInput()
    {
        const string echo = """{"StartAt":"E","States":{"E":{"Type":"Pass","End":true}}}""";

        var e = Sfn.Run(Machine("\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":{\"run.$\":\"$.run\"}},\"ItemsPath\":\"$.items\"", echo),
            """{"run":"r1","items":[1,2,3,4,5]}""");

        Sfn.JsonEqual("""[{"BatchInput":{"run":"r1"},"Items":[1,2]},{"BatchInput":{"run":"r1"},"Items":[3,4]},{"BatchInput":{"run":"r1"},"Items":[5]}]""", Sfn.Output(e));
        Assert.Equal(3, e.ChildExecutions.Count);
    }

    [Fact]
    public void SFN_13_DistributedMap_ItemBatcher_MaxInputBytesPerBatch_ClosesABatchBeforeItOverflows()
    {
        const string echo = """{"StartAt":"E","States":{"E":{"Type":"Pass","End":true}}}""";

        // {"Items":[]} is 12 bytes; each "xxxxxxxxxx" item is 12 bytes plus a comma between items.
        var e = Sfn.Run(Machine("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":40}", echo), """["xxxxxxxxxx","xxxxxxxxxx","xxxxxxxxxx","xxxxxxxxxx"]""");

        Assert.Equal(["{\"Items\":[\"xxxxxxxxxx\",\"xxxxxxxxxx\"]}", "{\"Items\":[\"xxxxxxxxxx\",\"xxxxxxxxxx\"]}"], e.ChildExecutions.Select(c => c.Input));
        Assert.All(e.ChildExecutions, c => Assert.True(c.Input.Length <= 40));
    }

    [Fact]
    public void SFN_13_ItemReader_CsvWithAHeaderRow_GivesOneObjectOfStringsPerRow()
    {
        var sim = TestHandlers.Sim();
        sim.Services.S3.CreateBucket("data");
        sim.Services.S3.PutObject("data", "ratings.csv", "movie,rating\r\n\"Up, the film\",5\nHeat,4\n");
        const string echo = """{"StartAt":"E","States":{"E":{"Type":"Pass","End":true}}}""";

        var e = Sfn.Run(Machine("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
              "Parameters":{"Bucket":"data","Key.$":"$.key"}}
            """, echo), """{"key":"ratings.csv"}""", sim);

        Sfn.JsonEqual("""[{"movie":"Up, the film","rating":"5"},{"movie":"Heat","rating":"4"}]""", Sfn.Output(e));
    }

    [Theory]
    [InlineData("JSON", "[{\"a\":1},{\"a\":2},{\"a\":3}]", "[{\"a\":1},{\"a\":2}]")]
    [InlineData("JSONL", "{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\n", "[{\"a\":1},{\"a\":2}]")]
    public void SFN_13_ItemReader_JsonAndJsonLines_MaxItemsLimitsTheDataset(string inputType, string content, string expected)
    {
        var sim = TestHandlers.Sim();
        sim.Services.S3.CreateBucket("data");
        sim.Services.S3.PutObject("data", "items", content);
        const string echo = """{"StartAt":"E","States":{"E":{"Type":"Pass","End":true}}}""";

        var reader = "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"" + inputType +
            "\",\"MaxItems\":2},\"Parameters\":{\"Bucket\":\"data\",\"Key\":\"items\"}}";
        var e = Sfn.Run(Machine(reader, echo), "{}", sim);

        Sfn.JsonEqual(expected, Sfn.Output(e));
    }

    [Fact]
    public void SFN_13_ItemReader_ListObjectsV2_GivesOneItemPerObjectUnderThePrefixInKeyOrder()
    {
        var sim = TestHandlers.Sim();
        sim.Services.S3.CreateBucket("logs");
        sim.Services.S3.PutObject("logs", "2026/b.log", "bb");
        sim.Services.S3.PutObject("logs", "2026/a.log", "a");
        sim.Services.S3.PutObject("logs", "2025/old.log", "x");
        const string key = """{"StartAt":"K","States":{"K":{"Type":"Pass","Parameters":{"key.$":"$.Key","size.$":"$.Size","class.$":"$.StorageClass"},"End":true}}}""";

        var e = Sfn.Run(Machine("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"logs","Prefix":"2026/"}}
            """, key), "{}", sim);

        Sfn.JsonEqual("""[{"key":"2026/a.log","size":1,"class":"STANDARD"},{"key":"2026/b.log","size":2,"class":"STANDARD"}]""", Sfn.Output(e));
        var item = JsonNode.Parse(e.ChildExecutions[0].Input)!.AsObject();
        Assert.Equal(["Etag", "Key", "LastModified", "Size", "StorageClass"], item.Select(p => p.Key));
        Assert.Equal(TestHandlers.T0.ToUnixTimeSeconds(), item["LastModified"]!.GetValue<long>());
    }

    [Fact]
    public void SFN_13_ItemReader_MissingObject_FailsWithItemReaderFailed()
    {
        var sim = TestHandlers.Sim();
        sim.Services.S3.CreateBucket("data");

        var e = Sfn.Run(Machine("""
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"nope.json"}}
            """), "{}", sim);

        Assert.Equal(StatesErrors.ItemReaderFailed, e.Error);
        Assert.Contains("s3://data/nope.json", e.Cause, StringComparison.Ordinal);
        Assert.Contains("NoSuchKey", e.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void SFN_13_ResultWriter_WritesManifestAndResultFiles_OutputNamesTheManifest()
    {
        var sim = TestHandlers.Sim();
        sim.Services.S3.CreateBucket("out");

        var e = Sfn.Run(Machine("\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"runs\"}}"),
            """[{"n":1},{"n":2}]""", sim);

        var output = Sfn.Output(e)!.AsObject();
        var mapRunArn = output["MapRunArn"]!.GetValue<string>();
        var manifestKey = output["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        Assert.Equal("out", output["ResultWriterDetails"]!["Bucket"]!.GetValue<string>());
        Assert.Equal($"runs/{mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..]}/manifest.json", manifestKey);
        var manifest = JsonNode.Parse(sim.Services.S3.GetObject("out", manifestKey).ReadAsString())!;
        Assert.Equal(mapRunArn, manifest["MapRunArn"]!.GetValue<string>());
        var succeededKey = manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>();
        var records = JsonNode.Parse(sim.Services.S3.GetObject("out", succeededKey).ReadAsString())!.AsArray();
        Assert.Equal(["{\"v\":2}", "{\"v\":4}"], records.Select(r => r!["Output"]!.GetValue<string>()));
        Assert.All(records, r => Assert.Equal("SUCCEEDED", r!["Status"]!.GetValue<string>()));
        Assert.Empty(manifest["ResultFiles"]!["FAILED"]!.AsArray());
    }

    [Fact]
    public void SFN_13_ExpressChildren_AreBilledAsExpressExecutions_TheParentAsStandard()
    {
        var e = Sfn.Run(Machine("", type: "EXPRESS"), """[{"n":1},{"n":2}]""");

        Assert.All(e.ChildExecutions, c => Assert.Equal(WorkflowType.Express, c.StateMachine.Type));
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:", e.ChildExecutions[0].Arn, StringComparison.Ordinal);
        var bill = ExecutionBill.For([e, .. e.ChildExecutions], Course.Sandbox.Pricing.PriceSheet.UsEast1);
        Assert.Equal((1, 2), (bill.StandardExecutions, bill.ExpressRequests));
    }

    [Theory]
    [InlineData("\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\"}", "These fields are required: [ExecutionType]")]
    [InlineData("\"ProcessorConfig\":{\"Mode\":\"INLINE\"}", "only supported for a Map state in DISTRIBUTED mode")]
    [InlineData("\"ProcessorConfig\":{\"Mode\":\"PARALLEL\"}", "Value is not a valid Mode: 'PARALLEL'")]
    public void SFN_13_Validation_ProcessorConfigAndDatasetFields(string config, string message)
    {
        var definition = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemBatcher\":{\"MaxItemsPerBatch\":2},\"ItemProcessor\":{" + config +
            ",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";

        var error = Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse(definition));

        Assert.Contains(error.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}}", "ReaderConfig")]
    [InlineData("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\"},\"Parameters\":{}}", "[CSVHeaderLocation]")]
    [InlineData("\"ItemReader\":{\"Resource\":\"arn:aws:states:::dynamodb:scan\"}", "is not supported: use arn:aws:states:::s3:getObject")]
    [InlineData("\"ItemBatcher\":{\"BatchInput\":{}}", "ItemBatcher needs at least one of the following fields")]
    [InlineData("\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\"}", "These fields are required: [Parameters]")]
    public void SFN_13_Validation_ItemReaderBatcherAndWriter(string fields, string message)
    {
        var error = Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse(Machine(fields)));

        Assert.Contains(error.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void SFN_13_Validation_ExpressParentCannotRunADistributedMap()
    {
        var sim = TestHandlers.Sim();

        var error = Assert.Throws<InvalidDefinitionException>(() => sim.StepFunctions.CreateStateMachine("x", Machine(""), WorkflowType.Express));

        Assert.Contains(error.Diagnostics, d => d.Message.Contains("Express state machine does not support Distributed Map", StringComparison.Ordinal));
    }
}
