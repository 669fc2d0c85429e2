using System.Text.Json;
using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.Integrations;

public class ServiceIntegrationTests
{
    private static Simulation WithTable()
    {
        var sim = TestHandlers.Sim();
        sim.Services.DynamoDb.Invoke("CreateTable", JsonDocument.Parse("""
            {"TableName":"docs","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}]}
            """).RootElement);
        return sim;
    }

    [Fact]
    public void DynamoDb_PutThenGet_RoundTripsTheItem()
    {
        var sim = WithTable();
        var e = Sfn.Run("""
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"docs","Item":{"id":{"S.$":"$.id"},"n":{"N":"3"}}},"ResultPath":null,"Next":"Get"},
              "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"docs","Key":{"id":{"S.$":"$.id"}}},"ResultSelector":{"n.$":"$.Item.n.N"},"End":true}}}
            """, """{"id":"a1"}""", sim);
        Sfn.JsonEqual("""{"n":"3"}""", Sfn.Output(e));
        Assert.Equal("dynamodb", e.History.First(h => h.Type == "TaskScheduled").Details!["resourceType"]!.GetValue<string>());
    }

    [Fact]
    public void DynamoDb_ConditionFails_IsDynamoDbErrorName()
    {
        var sim = WithTable();
        var e = Sfn.Run("""
            {"StartAt":"Put","States":{"Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
              "Parameters":{"TableName":"docs","Item":{"id":{"S":"x"}},"ConditionExpression":"attribute_exists(id)"},"End":true}}}
            """, "{}", sim);
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", e.Error);
    }

    [Fact]
    public void DynamoDb_UpdateThenDelete_ChangeTheTable()
    {
        var sim = WithTable();
        var e = Sfn.Run("""
            {"StartAt":"Update","States":{
              "Update":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"TableName":"docs","Key":{"id":{"S":"k"}},
                "UpdateExpression":"SET n = :n","ExpressionAttributeValues":{":n":{"N":"5"}},"ReturnValues":"ALL_NEW"},"ResultSelector":{"n.$":"$.Attributes.n.N"},"ResultPath":"$.updated","Next":"Delete"},
              "Delete":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:deleteItem","Parameters":{"TableName":"docs","Key":{"id":{"S":"k"}}},"ResultPath":null,"Next":"Get"},
              "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"docs","Key":{"id":{"S":"k"}}},"ResultSelector":{"found.$":"States.ArrayLength($..Item)"},"ResultPath":"$.after","End":true}}}
            """, "{}", sim);
        Sfn.JsonEqual("""{"updated":{"n":"5"},"after":{"found":0}}""", Sfn.Output(e));
    }

    [Fact]
    public void Bedrock_InvokeModel_ReturnsTheParsedBody()
    {
        var e = Sfn.Run("""
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::bedrock:invokeModel",
              "Parameters":{"ModelId":"__MODEL__","Body":{"anthropic_version":"bedrock-2023-05-31","max_tokens":50,"messages":[{"role":"user","content":"Summarise: serverless."}]}},
              "ResultSelector":{"role.$":"$.Body.role","type.$":"$.ContentType"},"End":true}}}
            """.Replace("__MODEL__", "us." + Course.Sandbox.Services.Bedrock.BedrockModel.ClaudeHaiku45Id, StringComparison.Ordinal));
        Sfn.JsonEqual("""{"role":"assistant","type":"application/json"}""", Sfn.Output(e));
    }

    [Fact]
    public void Sqs_SendMessage_PutsTheMessageOnTheQueue()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("jobs");
        var e = Sfn.Run("""
            {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"__0__","MessageBody.$":"$"},"End":true}}}
            """.Replace("__0__", queue.Url, StringComparison.Ordinal), """{"job":7}""", sim);
        Assert.NotNull(Sfn.Output(e)!["MessageId"]);
        Assert.Equal("""{"job":7}""", Assert.Single(queue.Visible).Body);
    }

    [Fact]
    public void Sns_Publish_ReturnsTheMessageId()
    {
        var sim = TestHandlers.Sim();
        var topic = sim.Services.Sns.CreateTopic("news");
        var e = Sfn.Run("""
            {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"__0__","Message":"hi"},"End":true}}}
            """.Replace("__0__", topic.Arn, StringComparison.Ordinal), "{}", sim);
        Assert.NotNull(Sfn.Output(e)!["MessageId"]);
    }

    [Fact]
    public void EventBridge_PutEvents_ReturnsEntries()
    {
        var e = Sfn.Run("""
            {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[{"Source":"app","DetailType":"done","Detail":{"a":1}}]},"End":true}}}
            """);
        Assert.Equal(0, Sfn.Output(e)!["FailedEntryCount"]!.GetValue<int>());
    }

    [Fact]
    public void StartExecutionSync2_RunsTheChild_AndReturnsItsParsedOutput()
    {
        var sim = TestHandlers.Sim();
        sim.StepFunctions.CreateStateMachine("child", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":30,"Next":"P"},"P":{"Type":"Pass","Result":{"done":true},"End":true}}}""");
        var e = Sfn.Run("""
            {"StartAt":"C","States":{"C":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
              "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:child","Input":{"x":1}},"OutputPath":"$.Output","End":true}}}
            """, "{}", sim);
        Sfn.JsonEqual("""{"done":true}""", Sfn.Output(e));
        Assert.Equal(e.StartDate.AddSeconds(30), e.StopDate);
        Assert.Equal(2, sim.StepFunctions.Executions.Count);
    }

    [Fact]
    public void SFN_12_WaitForTaskToken_PausesUntilSendTaskSuccess()
    {
        var sim = TestHandlers.Sim();
        var queue = sim.Services.Sqs.CreateQueue("approvals");
        var machine = sim.StepFunctions.CreateStateMachine("approve", """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"__0__","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}
            """.Replace("__0__", queue.Url, StringComparison.Ordinal));
        var execution = sim.StepFunctions.StartExecution(machine.Arn);
        sim.RunFor(TimeSpan.FromHours(2));
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        var token = JsonDocument.Parse(queue.Visible.Single().Body).RootElement.GetProperty("token").GetString()!;
        sim.StepFunctions.SendTaskSuccess(token, """{"approved":true}""");
        sim.RunUntilComplete(execution.Completion);
        Assert.Equal("""{"approved":true}""", execution.Output);
        Assert.Contains("TaskSubmitted", Sfn.Types(execution));
        var ex = Assert.Throws<StepFunctionsException>(() => sim.StepFunctions.SendTaskSuccess(token, "{}"));
        Assert.Equal("TaskTimedOut", ex.ErrorCode);
    }

    [Fact]
    public void SFN_12_HeartbeatSeconds_WithoutHeartbeat_IsHeartbeatTimeout_AndFailureCarriesTheError()
    {
        var sim = TestHandlers.Sim();
        string? token = null;
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "ask" }, HandlerFactory.FromDelegate((Dictionary<string, string> e, ILambdaContext c) =>
        {
            token = e["token"];
            return "queued";
        }));
        const string definition = """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","HeartbeatSeconds":60,
              "Parameters":{"FunctionName":"ask","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
            """;
        var machine = sim.StepFunctions.CreateStateMachine("hb", definition);
        var silent = sim.StepFunctions.StartExecution(machine.Arn);
        sim.RunUntilComplete(silent.Completion);
        Assert.Equal(StatesErrors.HeartbeatTimeout, silent.Error);
        Assert.Equal(silent.StartDate.AddSeconds(60).Ticks, silent.StopDate!.Value.Ticks, TimeSpan.FromSeconds(1).Ticks);

        var beating = sim.StepFunctions.StartExecution(machine.Arn);
        sim.RunFor(TimeSpan.FromSeconds(50));
        sim.StepFunctions.SendTaskHeartbeat(token!);
        sim.RunFor(TimeSpan.FromSeconds(50));
        Assert.Equal(ExecutionStatus.Running, beating.Status);
        sim.StepFunctions.SendTaskFailure(token!, "Rejected", "no");
        sim.RunUntilComplete(beating.Completion);
        Assert.Equal(("Rejected", "no"), (beating.Error, beating.Cause));
    }

    [Fact]
    public void SFN_09_StartSyncExecution_OnlyForExpress()
    {
        var sim = TestHandlers.Sim();
        sim.StepFunctions.CreateStateMachine("std", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        sim.StepFunctions.CreateStateMachine("exp", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", WorkflowType.Express);
        Assert.Equal("StateMachineTypeNotSupported", Assert.Throws<StepFunctionsException>(() => sim.StepFunctions.StartSyncExecution("std")).ErrorCode);
        Assert.Equal("{}", sim.StepFunctions.StartSyncExecution("exp").Output);
    }
}
