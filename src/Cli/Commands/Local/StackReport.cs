using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Iam;
using Course.Sandbox.Observability;
using Course.Sandbox.Pricing;

namespace Course.Cli.Commands.Local;

/// <summary>What a local run prints: the functions' logs, a trace summary, denied calls, the stack's state and the bill.</summary>
internal static class StackReport
{
    public static void Write(LocalStack local, TextWriter output)
    {
        var sim = local.Simulation;
        output.WriteLine("== logs");
        foreach (var name in local.Stack.Functions.Values)
        {
            var function = sim.Lambda.GetFunction(name);
            var lines = function.Environments.SelectMany(e => e.Log.Events).OrderBy(e => e.Time).ToList();
            if (lines.Count == 0)
            {
                continue;
            }
            output.WriteLine($"-- {function.LogGroupName}");
            foreach (var line in lines)
            {
                output.WriteLine($"{LogStream.Timestamp(line.Time)} {line.Message.TrimEnd('\n')}");
            }
        }
        output.WriteLine();
        output.WriteLine("== trace");
        foreach (var group in sim.Trace.Events.GroupBy(e => e.Kind).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key,-22} {group.Count(),6}"));
        }
        var denied = local.Roles.Calls.Where(c => c.Decision != Decision.Allow).ToList();
        if (denied.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("== access denied (IAM_01)");
            foreach (var d in denied)
            {
                output.WriteLine($"{d.FunctionName}: {d.Action} on {d.Resource} ({(d.Decision == Decision.ExplicitDeny ? "explicit deny" : "no policy allows it")})");
            }
        }
        output.WriteLine();
        output.WriteLine("== state");
        foreach (var (id, type) in local.Stack.Types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var physical = local.Stack.PhysicalIds.GetValueOrDefault(id, id);
            switch (type)
            {
                case "AWS::S3::Bucket":
                    output.WriteLine($"{id} (bucket {physical}): {sim.Services.S3.GetBucket(physical).Objects.Count} objects");
                    break;
                case "AWS::DynamoDB::Table":
                {
                    var scan = JsonNode.Parse(sim.Services.DynamoDb.Invoke("Scan", new JsonObject { ["TableName"] = physical }.ToJsonString()))!;
                    var items = scan["Items"]!.AsArray();
                    output.WriteLine($"{id} (table {physical}): {items.Count} items");
                    foreach (var item in items.Take(20))
                        {
                            output.WriteLine($"  {item!.ToJsonString()}");
                        }
                        break;
                }
                case "AWS::SQS::Queue":
                    output.WriteLine($"{id} (queue {physical}): {sim.Services.Sqs.GetQueue(physical).GetAttributes()["ApproximateNumberOfMessages"]} messages visible");
                    break;
            }
        }
        foreach (var note in local.Stack.Notes)
        {
            output.WriteLine($"note: {note}");
        }
        var cost = new CostModel(PriceSheet.UsEast1).Summarize(sim.Lambda.Invocations);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== bill (the simulator's model at AWS's us-east-1 prices of {cost.PricesAsOf:yyyy-MM-dd}, no free tier): {cost.Requests} requests ${cost.RequestCost:0.00000000} + {cost.GbSeconds:0.######} GB-s ${cost.ComputeCost:0.00000000} = ${cost.Total:0.00000000}"));
    }
}
