using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox;
using Course.Sandbox.Pricing;
using Course.Sandbox.StepFunctions.Executions;
using Course.Sandbox.StepFunctions.History;

namespace Course.Cli.Commands.States;

/// <summary>Prints an execution: one JSON object (status, output, error, cause, events), or a readable history, timeline and bill.</summary>
internal static class StatesOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>--format json</c> contract: exactly one object on stdout.</summary>
    public static void WriteJson(TextWriter output, Execution e)
    {
        var document = new JsonObject
        {
            ["status"] = e.StatusText,
            ["output"] = e.Output is null ? null : JsonNode.Parse(e.Output),
            ["error"] = e.Error,
            ["cause"] = e.Cause,
            ["events"] = e.HistoryJson(),
        };
        output.WriteLine(document.ToJsonString(Indented));
    }

    /// <summary>The readable report: status, output, history, a timeline of the states, and the bill.</summary>
    public static void WriteText(TextWriter output, Simulation sim, Execution e)
    {
        var took = (e.StopDate ?? sim.Now) - e.StartDate;
        output.WriteLine($"Execution {e.Name} of {e.StateMachine.Name} ({e.StateMachine.Type}): {e.StatusText} after {Duration(took)} of virtual time");
        if (e.Output is not null)
        {
            output.WriteLine($"Output: {Truncate(e.Output, 400)}");
        }
        if (e.Error is not null)
        {
            output.WriteLine($"Error:  {e.Error}");
        }
        if (e.Cause is not null)
        {
            output.WriteLine($"Cause:  {Truncate(e.Cause, 400)}");
        }
        output.WriteLine();
        output.WriteLine("History (GetExecutionHistory)");
        output.WriteLine("   id  prev  at          type");
        foreach (var h in e.History)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Id,5} {h.PreviousEventId,5}  +{(h.Timestamp - e.StartDate).TotalSeconds,9:0.000}s  {h.Type}{Summary(h)}"));
        }
        output.WriteLine();
        WriteTimeline(output, e, took);
        output.WriteLine();
        var bill = ExecutionBill.For([e], PriceSheet.UsEast1);
        var lambda = new CostModel(PriceSheet.UsEast1).Summarize(sim.Lambda.Invocations);
        output.WriteLine(e.StateMachine.Type == WorkflowType.Standard
            ? string.Create(CultureInfo.InvariantCulture, $"Step Functions cost (us-east-1 prices of {bill.PricesAsOf:yyyy-MM-dd}, no free tier): {e.StateTransitions} state transitions = ${bill.StandardCost:0.00000000}")
            : string.Create(CultureInfo.InvariantCulture, $"Step Functions cost (us-east-1 prices of {bill.PricesAsOf:yyyy-MM-dd}): 1 request + {bill.ExpressGbSeconds:0.######} GB-s ({ExecutionBill.BilledMemoryMB(e)} MB, the simulator's memory estimate) = ${bill.ExpressCost:0.00000000}"));
        if (e.ChildExecutions.Count > 0)
        {
            var children = ExecutionBill.For(e.ChildExecutions, PriceSheet.UsEast1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Distributed Map child executions: {e.ChildExecutions.Count} ({children.StandardExecutions} Standard with {children.StateTransitions} state transitions, {children.ExpressRequests} Express with {children.ExpressGbSeconds:0.######} GB-s) = ${children.Total:0.00000000}"));
        }

        if (lambda.Requests > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Lambda cost: {lambda.Requests} invocations, {sim.Lambda.Invocations.Count(i => i.ColdStart)} cold starts, {lambda.GbSeconds:0.######} GB-s = ${lambda.Total:0.00000000}"));
        }
    }

    private static void WriteTimeline(TextWriter output, Execution e, TimeSpan took)
    {
        // One bar per state entry: from its Entered event to its Exited event (or the failure that ended it).
        var rows = new List<(string Name, string Type, TimeSpan Start, TimeSpan End)>();
        var open = new Dictionary<string, Queue<(string Type, TimeSpan Start)>>(StringComparer.Ordinal);
        foreach (var h in e.History)
        {
            var name = h.Details?["name"]?.GetValue<string>();
            if (name is null)
            {
                continue;
            }
            var at = h.Timestamp - e.StartDate;
            if (h.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                if (!open.TryGetValue(name, out var q))
                {
                    open[name] = q = new();
                }
                q.Enqueue((h.Type[..^"StateEntered".Length], at));
            }
            else if (h.Type.EndsWith("StateExited", StringComparison.Ordinal) && open.TryGetValue(name, out var q) && q.Count > 0)
            {
                var (type, start) = q.Dequeue();
                rows.Add((name, type, start, at));
            }
        }
        foreach (var (name, q) in open)
        {
            foreach (var (type, start) in q)
            {
                rows.Add((name, type, start, took));
            }
        }
        rows.Sort((a, b) => a.Start.CompareTo(b.Start));
        output.WriteLine("Timeline (virtual time)");
        if (rows.Count == 0)
        {
            return;
        }
        const int width = 40;
        var total = Math.Max(took.TotalMilliseconds, 1);
        var nameWidth = Math.Min(28, rows.Max(r => r.Name.Length));
        foreach (var (name, type, start, end) in rows.Take(200))
        {
            var from = (int)Math.Round(start.TotalMilliseconds / total * width);
            var to = Math.Max(from + 1, (int)Math.Round(end.TotalMilliseconds / total * width));
            var bar = new StringBuilder().Append(' ', from).Append('█', Math.Min(width, to) - from).ToString().PadRight(width);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Truncate(name, nameWidth).PadRight(nameWidth)}  {type,-8} |{bar}| +{start.TotalSeconds:0.000}s  {Duration(end - start)}"));
        }
        if (rows.Count > 200)
        {
            output.WriteLine($"  … {rows.Count - 200} more state entries");
        }
    }

    private static string Summary(HistoryEvent h)
    {
        if (h.Details is not { } d)
        {
            return "";
        }
        var parts = new List<string>();
        if (d["name"] is JsonValue n)
        {
            parts.Add(n.GetValue<string>());
        }
        if (d["index"] is JsonValue i)
        {
            parts.Add($"#{i}");
        }
        if (d["error"] is JsonValue err)
        {
            parts.Add($"error {err.GetValue<string>()}");
        }
        if (d["output"] is JsonValue o)
        {
            parts.Add($"→ {Truncate(o.GetValue<string>(), 80)}");
        }
        else if (d["input"] is JsonValue inp)
        {
            parts.Add($"← {Truncate(inp.GetValue<string>(), 80)}");
        }
        if (d["resource"] is JsonValue r && d["name"] is null)
        {
            parts.Insert(0, r.GetValue<string>());
        }
        return parts.Count == 0 ? "" : "  " + string.Join("  ", parts);
    }

    private static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0.###} ms"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###} s"),
        < 86_400 * 2 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.##} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{t.TotalDays:0.##} days"),
    };

    private static string Truncate(string s, int max)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
