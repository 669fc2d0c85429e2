using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Invocation;
using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Yaml;

namespace Course.Cli.Commands.Local;

/// <summary>
/// Runs a scenario file against a deployed stack: a list of <c>steps</c>, each one trigger, naming resources by
/// their logical ids — <c>put-object {bucket, key, body}</c>, <c>delete-object {bucket, key}</c>,
/// <c>send-message {queue, body}</c>, <c>put-item {table, item}</c> (DynamoDB JSON or plain values),
/// <c>publish {topic, message, subject?}</c>, <c>put-event {source, detail-type, detail, bus?}</c>,
/// <c>invoke {function, event}</c> (event: a JSON object or a file), <c>http {method, path, body?, api?}</c>,
/// <c>wait: 30s</c> — then runs the clock for <c>duration</c> (default 15m) so retries and schedules play out.
/// </summary>
internal sealed class ScenarioRunner(LocalStack local, string scenarioPath, TextWriter output)
{
    private readonly string _dir = Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".";

    public void Run()
    {
        string text;
        try
        {
            text = File.ReadAllText(scenarioPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalInputException($"cannot read the scenario '{scenarioPath}': {e.Message}");
        }
        TemplateNode root;
        try
        {
            root = TemplateReader.Read(text, scenarioPath);
        }
        catch (TemplateException e)
        {
            throw new LocalInputException(e.Message);
        }
        if (root is not MappingNode doc || doc["steps"] is not SequenceNode steps)
        {
            throw new LocalInputException($"{root.Mark}: a scenario is a mapping with `steps:` (a list). Fix: see `course local run --help` for the step kinds.");
        }
        var sim = local.Simulation;
        var start = sim.Now;
        foreach (var step in steps.Items)
        {
            if (step is not MappingNode { Count: 1 } s)
            {
                throw new LocalInputException($"{step.Mark}: each step is one `kind: {{…}}` entry. Fix: e.g. `- put-object: {{ bucket: MyBucket, key: a.txt, body: hello }}`.");
            }
            var kind = s.Entries[0].Key.Value;
            var args = s.Entries[0].Value;
            try
            {
                Step(kind, args, s.Mark);
            }
            catch (Exception e) when (e is not LocalInputException and (InvalidOperationException or ArgumentException or KeyNotFoundException or Sandbox.Services.DynamoDb.DynamoDbException))
            {
                throw new LocalInputException($"{s.Mark}: step {kind} failed: {e.Message}");
            }
            sim.RunFor(TimeSpan.Zero);
        }
        var duration = doc["duration"] is { } d ? Duration(d) : TimeSpan.FromMinutes(15);
        sim.RunUntil(start + duration > sim.Now ? start + duration : sim.Now);
    }

    private void Step(string kind, TemplateNode args, SourceMark mark)
    {
        var sim = local.Simulation;
        var a = args as MappingNode;
        string Arg(string name) => a?[name] switch
        {
            null => throw new LocalInputException($"{mark}: step {kind} needs `{name}`."),
            MappingNode or SequenceNode => TemplateWriter.ToJson(a[name]!),
            var v => v.AsString() ?? "",
        };
        string Physical(string name)
        {
            var id = Arg(name);
            return local.Stack.PhysicalIds.TryGetValue(id, out var physical) ? physical
                : throw new LocalInputException($"{a![name]!.Mark}: the template has no resource '{id}'. Fix: use a logical id from the template ({string.Join(", ", local.Stack.PhysicalIds.Keys)}).");
        }
        switch (kind)
        {
            case "put-object":
                sim.Services.S3.PutObject(Physical("bucket"), Arg("key"), a?["body"]?.AsString() ?? "");
                break;
            case "delete-object":
                sim.Services.S3.DeleteObject(Physical("bucket"), Arg("key"));
                break;
            case "send-message":
                sim.Services.Sqs.GetQueue(Physical("queue")).Send(new Sandbox.Services.Sqs.SqsSendRequest { Body = Arg("body"), MessageGroupId = a?["group"]?.AsString(), MessageDeduplicationId = a?["dedup"]?.AsString() });
                break;
            case "put-item":
            {
                var item = JsonNode.Parse(Arg("item"))!.AsObject();
                var typed = new JsonObject();
                foreach (var (k, v) in item)
                    {
                        typed[k] = v is JsonObject o && o.Count == 1 && o.First().Key.Length == 1 ? o.DeepClone() : Typed(v);
                    }
                    sim.Services.DynamoDb.Invoke("PutItem", new JsonObject { ["TableName"] = Physical("table"), ["Item"] = typed }.ToJsonString());
                break;
            }
            case "publish":
                sim.Services.Sns.Publish(Physical("topic"), Arg("message"), a?["subject"]?.AsString());
                break;
            case "put-event":
                sim.Services.EventBridge.PutEvents([new Sandbox.Services.EventBridge.PutEventsEntry
                {
                    Source = Arg("source"), DetailType = Arg("detail-type"), Detail = Arg("detail"),
                    EventBusName = a?["bus"] is { } bus ? (local.Stack.PhysicalIds.GetValueOrDefault(bus.AsString() ?? "") ?? bus.AsString()) : null,
                }]);
                break;
            case "invoke":
            {
                var name = local.Stack.FunctionName(Arg("function"));
                var evt = a?["event"] is ScalarNode { Kind: ScalarKind.String } file && !file.Value.TrimStart().StartsWith('{') ? File.ReadAllText(Path.Combine(_dir, file.Value)) : Arg("event");
                var task = sim.Lambda.InvokeAsync(name, evt);
                sim.RunUntilComplete(task);
                var r = task.Result;
                output.WriteLine($"invoke {name}: {(r.Succeeded ? "ok" : "error " + r.ErrorType)} {r.Payload}");
                break;
            }
            case "http":
            {
                var apiId = a?["api"]?.AsString() ?? local.Stack.HttpApis.Keys.FirstOrDefault() ?? throw new LocalInputException($"{mark}: the template has no HTTP API. Fix: add an HttpApi event to a function.");
                var api = local.Stack.HttpApis.GetValueOrDefault(apiId) ?? throw new LocalInputException($"{mark}: the template has no HTTP API '{apiId}'.");
                var task = api.SendAsync(Arg("method"), Arg("path"), body: a?["body"] is { } b ? (b is ScalarNode ? b.AsString() : TemplateWriter.ToJson(b)) : null);
                sim.RunUntilComplete(task);
                output.WriteLine($"{Arg("method")} {Arg("path")} → {task.Result.StatusCode} {task.Result.Body}");
                break;
            }
            case "wait":
                sim.RunFor(Duration(args));
                break;
            default:
                throw new LocalInputException($"{mark}: unknown step '{kind}'. Fix: use put-object, delete-object, send-message, put-item, publish, put-event, invoke, http or wait.");
        }
    }

    private static JsonNode Typed(JsonNode? v) => v switch
    {
        JsonValue n when n.TryGetValue<double>(out _) => new JsonObject { ["N"] = n.ToJsonString() },
        JsonValue b when b.TryGetValue<bool>(out var flag) => new JsonObject { ["BOOL"] = flag },
        null => new JsonObject { ["NULL"] = true },
        _ => new JsonObject { ["S"] = v.GetValue<string>() },
    };

    internal static TimeSpan Duration(TemplateNode node)
    {
        var text = node.AsString() ?? "";
        var unit = text.Length > 0 ? text[^1] : ' ';
        var number = double.TryParse(text.TrimEnd('s', 'm', 'h', 'd'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (number < 0)
        {
            throw new LocalInputException($"{node.Mark}: '{text}' is not a duration. Fix: write e.g. 30s, 5m, 2h or 1d.");
        }
        return unit switch { 'm' => TimeSpan.FromMinutes(number), 'h' => TimeSpan.FromHours(number), 'd' => TimeSpan.FromDays(number), _ => TimeSpan.FromSeconds(number) };
    }
}
