using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Executions;
using Course.Sandbox.StepFunctions.History;

namespace Course.Lessons.Display;

/// <summary>
/// An execution's history as GetExecutionHistory returns it, one row per event (id, previousEventId, time after the
/// start, type, and the state, iteration, error and input or output of its details): HTML for notebooks, text for the console.
/// </summary>
internal static class ExecutionHistoryTable
{
    private const string Table = "<table style=\"border-collapse:collapse;font:12px ui-monospace,monospace\">";
    private const string Cell = "<td style=\"border-bottom:1px solid #ddd;padding:2px 8px;text-align:left\">";
    private static readonly string[] Columns = ["id", "prev", "at", "type", "details"];

    public static string Html(Execution execution, Func<HistoryEvent, bool>? filter)
    {
        var html = new StringBuilder(Table).Append("<tr>");
        foreach (var c in Columns)
        {
            html.Append("<th style=\"border-bottom:2px solid #999;padding:2px 8px;text-align:left\">").Append(c).Append("</th>");
        }
        html.Append("</tr>");
        foreach (var row in Rows(execution, filter))
        {
            html.Append("<tr>").Append(string.Concat(row.Select(c => Cell + WebUtility.HtmlEncode(c) + "</td>"))).Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    public static string Text(Execution execution, Func<HistoryEvent, bool>? filter)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{"id",4} {"prev",4}  {"at",12}  {"type",-28}  details\n");
        foreach (var r in Rows(execution, filter))
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{r[0],4} {r[1],4}  {r[2],12}  {r[3],-28}  {r[4]}").TrimEnd()).Append('\n');
        }
        return text.ToString();
    }

    private static IEnumerable<string[]> Rows(Execution execution, Func<HistoryEvent, bool>? filter)
    {
        foreach (var h in execution.History.Where(h => filter?.Invoke(h) ?? true))
        {
            yield return
            [
                h.Id.ToString(CultureInfo.InvariantCulture), h.PreviousEventId.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"+{(h.Timestamp - execution.StartDate).TotalSeconds:0.000} s"), h.Type, Details(h),
            ];
        }
    }

    private static string Details(HistoryEvent h)
    {
        if (h.Details is not { } d)
        {
            return string.Empty;
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
        if (d["resource"] is JsonValue r && d["name"] is null)
        {
            parts.Add(r.GetValue<string>());
        }
        if (d["error"] is JsonValue err)
        {
            parts.Add($"error {err.GetValue<string>()}");
        }
        if (d["output"] is JsonValue o)
        {
            parts.Add($"→ {Truncate(o.GetValue<string>(), 70)}");
        }
        else if (d["input"] is JsonValue input)
        {
            parts.Add($"← {Truncate(input.GetValue<string>(), 70)}");
        }
        return string.Join("  ", parts);
    }

    private static string Truncate(string s, int max)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
