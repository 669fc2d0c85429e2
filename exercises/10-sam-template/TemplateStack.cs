using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Iam;
using Course.Sandbox.Invocation;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Deploy;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;

namespace DocumentIndex.Checks;

/// <summary>
/// The learner's template.yaml deployed into the check's simulation with the engine's loader, SAM transform and
/// deployer (as <c>course local run</c> does), its one function running the learner's compiled handler (already loaded
/// in this worker; never recompiled). Every role is attached, so the engine's IAM authorises each call the handler
/// makes. A template the loader, the transform or the deployer rejects fails the check with their file:line:col message.
/// </summary>
internal sealed class TemplateStack
{
    private const string BucketType = "AWS::S3::Bucket";
    private const string TableType = "AWS::DynamoDB::Table";

    private readonly CheckContext _ctx;

    private TemplateStack(CheckContext ctx, string display, DeployedStack stack, FunctionCode code)
    {
        _ctx = ctx;
        Display = display;
        Stack = stack;
        Code = code;
        FunctionId = stack.Functions.Keys.Single();
        FunctionName = stack.Functions[FunctionId];
        BucketId = stack.Types.Single(t => t.Value == BucketType).Key;
        BucketName = stack.PhysicalIds[BucketId];
        TableId = stack.Types.Single(t => t.Value == TableType).Key;
        TableName = stack.PhysicalIds[TableId];
    }

    /// <summary>template.yaml as the learner's messages name it.</summary>
    public string Display { get; }

    /// <summary>What the deployer made of the template.</summary>
    public DeployedStack Stack { get; }

    /// <summary>What the template says about the function's code (Runtime, Handler, CodeUri).</summary>
    public FunctionCode Code { get; }

    /// <summary>The function's logical id and deployed name.</summary>
    public string FunctionId { get; }

    /// <inheritdoc cref="FunctionId"/>
    public string FunctionName { get; }

    /// <summary>The bucket's logical id and name.</summary>
    public string BucketId { get; }

    /// <inheritdoc cref="BucketId"/>
    public string BucketName { get; }

    /// <summary>The table's logical id and name.</summary>
    public string TableId { get; }

    /// <inheritdoc cref="TableId"/>
    public string TableName { get; }

    /// <summary>The table's ARN (what IAM authorises a PutItem against).</summary>
    public string TableArn => $"arn:aws:dynamodb:{_ctx.Sim.Options.Region}:{_ctx.Sim.Options.AccountId}:table/{TableName}";

    /// <summary>The function's role as deployed, or null when its Role is not in the template.</summary>
    public FunctionRole? Role => RoleRegistry.For(_ctx.Sim).RoleOf(FunctionName);

    /// <summary>Every authorisation decision on the function's calls so far.</summary>
    public IReadOnlyList<AuthorizationRecord> Calls => RoleRegistry.For(_ctx.Sim).Calls.Where(c => c.FunctionName == FunctionName).ToList();

    /// <summary>The deployed function (its environments, their variables and logs).</summary>
    public Course.Sandbox.Functions.LambdaFunction Function => _ctx.Sim.Lambda.GetFunction(FunctionName);

    /// <summary>Loads, translates and deploys the learner's template.yaml into <paramref name="ctx"/>'s simulation.</summary>
    /// <exception cref="CheckFailedException">The template is missing or rejected, or it does not have one function, one bucket and one table.</exception>
    public static TemplateStack Deploy(CheckContext ctx)
    {
        var file = ctx.GetLearnerFile("template.yaml");
        var display = file.DisplayPath ?? file.Name;
        var codes = new List<FunctionCode>();
        DeployedStack stack;
        try
        {
            var template = TemplateLoader.Parse(file.Text!, display);
            stack = StackDeployer.Deploy(ctx.Sim, template, code =>
            {
                codes.Add(code);
                return ctx.Function.Handler;   // the learner's compiled Function.cs, whatever Handler says (the handler check judges it)
            });
        }
        catch (TemplateException e)
        {
            throw Rejected($"{e.Mark}: error: {e.Problem}", e.Fix ?? "fix the place it names");
        }
        catch (SamTransformException e)
        {
            throw Rejected($"{e.Errors[0].Mark}: error: {e.Describe()}", e.Errors[0].Fix ?? "fix the resource SAM names");
        }

        var buckets = stack.Types.Where(t => t.Value == BucketType).Select(t => t.Key).ToList();
        var tables = stack.Types.Where(t => t.Value == TableType).Select(t => t.Key).ToList();
        if (stack.Functions.Count != 1 || buckets.Count != 1 || tables.Count != 1)
        {
            throw new CheckFailedException(
                $"{display} deploys {Count(stack.Functions.Keys, "function")}, {Count(buckets, "bucket")} and {Count(tables, "table")}",
                "one AWS::Serverless::Function (running Function.cs), one AWS::S3::Bucket and one table (AWS::Serverless::SimpleTable)",
                "keep the starter's three resources (./course reset 10-sam-template restores them) and add to them rather than beside them");
        }

        return new TemplateStack(ctx, display, stack, codes.Single());
    }

    /// <summary>Stops S3 from notifying anyone: for checks that invoke the function themselves, so only their invocation runs.</summary>
    public void SilenceNotifications() => _ctx.Sim.Services.S3.PutBucketNotificationConfiguration(BucketName, []);

    /// <summary>Puts an object into the bucket as an uploader would (outside the function: no IAM check).</summary>
    public S3Object Upload(string key, string text) => _ctx.Sim.Services.S3.PutObject(BucketName, key, text);

    /// <summary>
    /// Uploads <paramref name="key"/> and invokes the function synchronously with the event S3 sends for it (the record
    /// shaped as AWS's, the key URL-encoded), running the simulation until the invocation ends.
    /// </summary>
    public InvocationResult UploadAndInvoke(string key, string text)
    {
        var stored = Upload(key, text);
        var s3 = _ctx.Sim.Services.S3;
        var record = new S3Notification(new S3NotificationRule("check", Function.Arn, ["s3:ObjectCreated:*"]), "ObjectCreated:Put",
            _ctx.Sim.Now, s3.Region, BucketName, key, stored.Size, stored.ETag, "0062A1B2C3D4E5F601", "C3D13FE58DE4C810");
        return _ctx.Sim.Lambda.Invoke(FunctionName, record.ToEventJson());
    }

    /// <summary>The table's items (a Scan outside any function).</summary>
    public IReadOnlyList<JsonObject> Items()
    {
        var response = JsonNode.Parse(_ctx.Sim.Services.DynamoDb.Invoke("Scan", new JsonObject { ["TableName"] = TableName }.ToJsonString()))!.AsObject();
        return response["Items"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
    }

    /// <summary>The table's partition key as <c>name (type)</c>, from DescribeTable.</summary>
    public (string Name, string Type) PartitionKey()
    {
        var table = JsonNode.Parse(_ctx.Sim.Services.DynamoDb.Invoke("DescribeTable", new JsonObject { ["TableName"] = TableName }.ToJsonString()))!["Table"]!;
        var name = table["KeySchema"]!.AsArray().First(k => (string?)k!["KeyType"] == "HASH")!["AttributeName"]!.GetValue<string>();
        var type = table["AttributeDefinitions"]!.AsArray().First(a => (string?)a!["AttributeName"] == name)!["AttributeType"]!.GetValue<string>();
        return (name, type);
    }

    /// <summary>How an invocation ended, in a learner's words.</summary>
    public static string Outcome(InvocationResult r) =>
        r.Succeeded ? "succeeded"
        : r.Throttled ? $"was throttled ({r.ThrottleReason})"
        : $"failed with {r.ErrorType}: {r.ErrorMessage}";

    private static CheckFailedException Rejected(string message, string fix) =>
        new(message, "a template that loads, translates and deploys (what sam validate and sam deploy accept)", fix);

    private static string Count(IEnumerable<string> ids, string what)
    {
        var list = ids.ToList();
        return list.Count switch
        {
            0 => $"no {what}",
            1 => $"one {what} ({list[0]})",
            _ => $"{list.Count} {what}s ({string.Join(", ", list)})",
        };
    }
}
