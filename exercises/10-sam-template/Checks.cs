using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Iam;
using Course.Sandbox.Iam.Review;
using Course.Sandbox.Invocation;

namespace DocumentIndex.Checks;

/// <summary>
/// Checks for 10-sam-template. Each check deploys the learner's template.yaml into a fresh simulation (TemplateStack)
/// and drives it: uploads go through the bucket's notification configuration the template produced (event-wiring), or
/// the check invokes the function itself with the event S3 would send (environment, reads-bucket, writes-table,
/// least-privilege), so that each check judges one part of the template. What is judged is the engine's record: the
/// notifications S3 raised, the invocations Lambda made, the variables the execution environment got, IAM's decision on
/// every call and the table's items.
/// </summary>
public static class SamTemplateChecks
{
    [Check("handler")]
    public static void Handler(CheckContext ctx)
    {
        var stack = TemplateStack.Deploy(ctx);
        var code = stack.Code;
        var expected = $"{ctx.Exercise.Handler.Type}::{ctx.Exercise.Handler.Method}";
        CheckContext.Require(code.Runtime.StartsWith("dotnet", StringComparison.Ordinal),
            $"{stack.FunctionId} has Runtime {code.Runtime}", "a .NET runtime (dotnet8) for Function.cs",
            "set `Runtime: dotnet8` on the function (or under Globals.Function)");
        var parts = code.Handler.Split("::");
        CheckContext.Require(parts.Length == 3 && parts[0].Length > 0 && parts[1] == ctx.Exercise.Handler.Type && parts[2] == ctx.Exercise.Handler.Method,
            $"{stack.FunctionId} has Handler: {code.Handler}",
            $"Handler: <assembly>::{expected} (Function.cs's namespace and class, then its method)",
            parts.Length != 3 ? $"write three parts joined by ::, e.g. DocumentIndex::{expected}" : $"name the class and method Function.cs declares: DocumentIndex::{expected}");
        CheckContext.Require(code.InlineCode is null,
            $"{stack.FunctionId} has InlineCode", "CodeUri: the folder of Function.cs", "remove InlineCode and write `CodeUri: .` (the folder holding template.yaml and Function.cs)");
        var templateFolder = Path.GetDirectoryName(Path.GetFullPath(stack.Display))!;
        var relative = Path.GetRelativePath(templateFolder, code.CodeDirectory!);
        CheckContext.Require(relative == ".",
            $"{stack.FunctionId}'s CodeUri is the folder {relative} (relative to {stack.Display})", "CodeUri: . — Function.cs is beside template.yaml",
            "set `CodeUri: .`; sam build packages that folder, so it must be the one holding Function.cs");
    }

    [Check("event-wiring")]
    public static void EventWiring(CheckContext ctx)
    {
        var stack = TemplateStack.Deploy(ctx);
        var uploads = new[] { ("incoming/q3 report.txt", true), ("incoming/scans/contract.pdf", true), ("archive/2025/q4 report.txt", false) };
        var wrong = new List<string>();
        foreach (var (key, invokes) in uploads)
        {
            var invocationsBefore = Invocations(ctx, stack).Count();
            stack.Upload(key, "Revenue grew in the third quarter.");
            ctx.Sim.RunFor(TimeSpan.FromSeconds(10));
            // S3 raised a notification for this key addressed to the function, and Lambda ran an (async) invocation of it.
            var invoked = Deliveries(ctx, stack, key).Count > 0 && Invocations(ctx, stack).Count() > invocationsBefore;
            if (invoked != invokes)
                wrong.Add($"an upload of {key} {(invoked ? "invoked the function" : "invoked nothing")}");
        }

        if (wrong.Count == 0)
        {
            return;
        }

        var rules = ctx.Sim.Services.S3.GetBucket(stack.BucketName).NotificationConfiguration;
        var configured = rules.Count == 0
            ? $"bucket {stack.BucketId} has no notification configuration"
            : $"bucket {stack.BucketId} notifies: " + string.Join("; ", rules.Select(r =>
                $"{string.Join(", ", r.Events)}{(r.Prefix is null ? "" : $" prefix {r.Prefix}")}{(r.Suffix is null ? "" : $" suffix {r.Suffix}")} → {r.TargetArn.Split(':').Last()}"));
        var nextStep = rules.Count == 0
            ? $"add an Events entry of Type S3 to {stack.FunctionId} with Bucket: !Ref {stack.BucketId}"
            : rules.Any(r => r.Events.Any(e => e.Contains("ObjectRemoved", StringComparison.Ordinal)) && !r.Events.Any(e => e.Contains("ObjectCreated", StringComparison.Ordinal)))
                ? "uploads are ObjectCreated events; ObjectRemoved fires when an object is deleted"
                : rules.Any(r => r.Prefix is null)
                    ? "filter the event on the key's prefix, so only objects under incoming/ invoke the function"
                    : "check the event's Events and its Filter against the keys above";
        throw new CheckFailedException($"{string.Join("; ", wrong)} ({configured})",
            "every object created under incoming/ invokes the function once; objects elsewhere (archive/…) invoke nothing", nextStep);
    }

    [Check("environment")]
    public static void EnvironmentCheck(CheckContext ctx)
    {
        var stack = TemplateStack.Deploy(ctx);
        stack.SilenceNotifications();
        var result = stack.UploadAndInvoke("incoming/env.txt", "one two three");
        var variables = stack.Function.Environments.FirstOrDefault()?.EnvironmentVariables
            ?? new Dictionary<string, string>(stack.Function.Options.Environment);
        var own = stack.Function.Options.Environment;
        variables.TryGetValue("TABLE_NAME", out var seen);
        if (seen == stack.TableName)
        {
            return;
        }

        var given = own.Count == 0 ? "no variables of its own" : "its variables " + string.Join(", ", own.Select(v => $"{v.Key}={v.Value}"));
        var observed = seen is null
            ? $"the function's environment had no TABLE_NAME ({given}); the invocation {TemplateStack.Outcome(result)}"
            : $"the function's environment had TABLE_NAME={seen}; the table is named {stack.TableName}";
        var nextStep = seen == stack.TableId
            ? $"a plain {stack.TableId} is the logical id, the template's own name for the table; write TABLE_NAME: !Ref {stack.TableId}"
            : seen is not null
                ? $"set TABLE_NAME to !Ref {stack.TableId}, so it follows the table whatever name it is given"
                : own.Values.Contains(stack.TableName)
                    ? $"the handler reads TABLE_NAME: rename {own.First(v => v.Value == stack.TableName).Key} to TABLE_NAME"
                    : $"add Environment: Variables: TABLE_NAME: !Ref {stack.TableId} to {stack.FunctionId}'s Properties";
        throw new CheckFailedException(observed, $"TABLE_NAME={stack.TableName} (the table's name, what !Ref {stack.TableId} gives)", nextStep);
    }

    [Check("reads-bucket")]
    public static void ReadsBucket(CheckContext ctx)
    {
        var stack = TemplateStack.Deploy(ctx);
        stack.SilenceNotifications();
        const string key = "incoming/read.txt";
        var result = stack.UploadAndInvoke(key, "one two three");
        var objectArn = $"arn:aws:s3:::{stack.BucketName}/{key}";
        _ = Authorised(ctx, stack, result, "s3:GetObject", objectArn,
            $"grant s3:GetObject on {stack.BucketId}'s objects: S3ReadPolicy with BucketName: !Sub ${{AWS::StackName}}-documents-${{AWS::AccountId}} (the bucket's name)");
    }

    [Check("writes-table")]
    public static void WritesTable(CheckContext ctx)
    {
        var stack = TemplateStack.Deploy(ctx);
        stack.SilenceNotifications();
        const string key = "incoming/write.txt";
        var result = stack.UploadAndInvoke(key, "three little words");
        var item = stack.Items().FirstOrDefault(i => (string?)i["document_id"]?["S"] == key);
        if (item is not null && (string?)item["words"]?["N"] == "3")
        {
            return;
        }

        var (keyName, keyType) = stack.PartitionKey();
        CheckContext.Require(keyName == "document_id" && keyType == "S",
            $"table {stack.TableId} is keyed by {keyName} ({keyType}); the invocation {TemplateStack.Outcome(result)}",
            "a table keyed by document_id, a string: the key of every item the handler writes",
            keyName == "id" ? $"a SimpleTable without PrimaryKey is keyed by id: give {stack.TableId} PrimaryKey Name document_id, Type String"
                : $"set {stack.TableId}'s PrimaryKey to Name document_id, Type String");
        var called = Authorised(ctx, stack, result, "dynamodb:PutItem", stack.TableArn,
            $"grant dynamodb:PutItem on {stack.TableId}: DynamoDBWritePolicy with TableName: !Ref {stack.TableId}");
        CheckContext.Require(!called || item is not null,
            $"the function's PutItem was allowed, but {stack.TableId} has no item {key}; the invocation {TemplateStack.Outcome(result)}",
            $"an item with document_id {key} in {stack.TableId}",
            "run ./grade with --logs to see what the function did");
    }

    [Check("least-privilege")]
    public static void LeastPrivilegeCheck(CheckContext ctx)
    {
        var stack = TemplateStack.Deploy(ctx);
        stack.SilenceNotifications();
        stack.UploadAndInvoke("incoming/review.txt", "one two three");
        var role = RequireRole(stack);
        var review = LeastPrivilege.Review(stack.FunctionName, role, stack.Calls);
        CheckContext.Require(review.Grants.Any(g => !g.ForLambdaService),
            $"{stack.FunctionId}'s role has only {string.Join(", ", review.Grants.Select(g => g.Statement.Source).Distinct())}: nothing of its own to review",
            "the function's own grants (its Policies), none with '*'", "give the function the Policies of task 4 first");
        var flagged = review.WildcardGrants.ToList();
        if (flagged.Count == 0)
        {
            return;
        }

        var used = stack.Calls.Where(c => c.Decision == Decision.Allow).Select(c => $"{c.Action} on {c.Resource}").Distinct().ToList();
        var first = flagged[0];
        var service = (first.Statement.Actions.FirstOrDefault() ?? "").Split(':')[0];
        throw new CheckFailedException(
            string.Join("; ", flagged.Select(g => $"[{g.Statement.Source}] {string.Join(", ", g.Actions.Select(a => a.Action))} on {g.ResourceText}"
                + $" ({string.Join(", ", new[] { g.Actions.Any(a => a.Wildcard) ? "'*' in action" : null, g.WildcardResource ? "'*' resource" : null }.OfType<string>())})"))
            + $"; the code used {(used.Count == 0 ? "nothing" : string.Join(", ", used))}",
            "every grant names its actions and this stack's bucket or table",
            service switch
            {
                "s3" => $"replace [{first.Statement.Source}] with S3ReadPolicy for the bucket's name: the code only reads {stack.BucketId}",
                "dynamodb" => $"replace [{first.Statement.Source}] with DynamoDBWritePolicy for !Ref {stack.TableId}: the code only writes {stack.TableId}",
                "*" => $"remove [{first.Statement.Source}]: it allows every action on everything",
                _ => $"remove [{first.Statement.Source}]: the code never calls {service}",
            });
    }

    /// <summary>
    /// Judges IAM's decision on <paramref name="action"/> on <paramref name="resource"/>: the call the function made when it
    /// got that far; otherwise (it failed earlier, e.g. without TABLE_NAME, or called another resource) the engine's
    /// evaluation of the same request against the function's role, so this check judges the policy alone.
    /// </summary>
    /// <returns>True when the function made the call (false: its role was judged instead).</returns>
    private static bool Authorised(CheckContext ctx, TemplateStack stack, InvocationResult result, string action, string resource, string grant)
    {
        var role = RequireRole(stack);
        var call = stack.Calls.FirstOrDefault(c => c.Action == action && c.Resource == resource);
        if (call is not null)
        {
            CheckContext.Require(call.Decision == Decision.Allow,
                $"IAM denied {action} on {resource} ({call.Decision}): the invocation {TemplateStack.Outcome(result)}",
                $"{stack.FunctionId}'s role allows {action} on {resource}", grant);
            return true;
        }

        var decision = PolicyEvaluator.Evaluate(role.Statements, action, resource);
        ctx.Note($"the function did not call {action} on {resource} (the invocation {TemplateStack.Outcome(result)}); judged its role instead: {decision}");
        CheckContext.Require(decision == Decision.Allow,
            $"{stack.FunctionId}'s role would deny {action} on {resource} ({decision}; its policies: {string.Join(", ", role.Statements.Select(s => s.Source).Distinct())}); the invocation {TemplateStack.Outcome(result)}",
            $"{stack.FunctionId}'s role allows {action} on {resource}", grant);
        return false;
    }

    private static FunctionRole RequireRole(TemplateStack stack) =>
        stack.Role ?? throw new CheckFailedException(
            $"{stack.FunctionId} names a Role that is not in the template, so nothing here can tell what it may do",
            "the role SAM generates from the function's Policies", $"remove Role from {stack.FunctionId} and list its grants under Policies");

    private static List<Course.Sandbox.Services.S3.S3Notification> Deliveries(CheckContext ctx, TemplateStack stack, string key) =>
        ctx.Sim.Services.S3.Notifications.Where(n => n.BucketName == stack.BucketName && n.Key == key && n.Rule.TargetArn.EndsWith(":" + stack.FunctionName, StringComparison.Ordinal)).ToList();

    private static IEnumerable<InvocationRecord> Invocations(CheckContext ctx, TemplateStack stack) =>
        ctx.Sim.Lambda.Invocations.Where(r => r.FunctionName == stack.FunctionName && r.Type == InvocationType.Event);
}
