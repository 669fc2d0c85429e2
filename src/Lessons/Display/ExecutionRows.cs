using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Executions;
using Course.Sandbox.StepFunctions.History;

namespace Course.Lessons.Display;

/// <summary>
/// An execution's history turned into rows for a picture: one row per state entered (a state entered again, by a
/// loop or in another Map iteration or Parallel branch, gets another row), each with the attempts of its task (so
/// retries show) and the Map iteration or Parallel branch it ran in. Built only from the history events
/// (GetExecutionHistory's shape): which iteration an event belongs to follows its previousEventId chain.
/// </summary>
internal sealed class ExecutionRows
{
    private static readonly string[] AttemptStarts = ["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled"];

    private static readonly string[] AttemptEnds =
    [
        "TaskSucceeded", "TaskFailed", "TaskTimedOut", "TaskStartFailed", "TaskSubmitFailed",
        "LambdaFunctionSucceeded", "LambdaFunctionFailed", "LambdaFunctionTimedOut", "LambdaFunctionScheduleFailed", "LambdaFunctionStartFailed",
        "ActivitySucceeded", "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed",
    ];

    private ExecutionRows(Execution execution, List<ExecutionRow> rows, DateTimeOffset end)
    {
        Execution = execution;
        Rows = rows;
        End = end;
    }

    /// <summary>The execution drawn.</summary>
    public Execution Execution { get; }

    /// <summary>The rows, in the order their states were entered.</summary>
    public IReadOnlyList<ExecutionRow> Rows { get; }

    /// <summary>When the picture ends: the execution's stop, or its last event while it runs.</summary>
    public DateTimeOffset End { get; }

    /// <summary>How long the picture spans.</summary>
    public TimeSpan Span => End - Execution.StartDate;

    /// <summary>Retries in all: attempts after the first, over every row.</summary>
    public int Retries => Rows.Sum(r => Math.Max(0, r.Attempts.Count - 1));

    /// <summary>Reads <paramref name="execution"/>'s history.</summary>
    public static ExecutionRows From(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var history = execution.History;
        var byId = history.ToDictionary(h => h.Id);
        var lanes = new Dictionary<long, string>();
        var branches = new Dictionary<long, int>();
        var open = new List<ExecutionRow>();
        var containers = new List<ExecutionRow>();
        var rows = new List<ExecutionRow>();
        foreach (var h in history)
        {
            var previousLane = h.PreviousEventId != 0 && lanes.TryGetValue(h.PreviousEventId, out var l) ? l : string.Empty;
            var lane = previousLane;
            var name = Name(h);
            if (h.Type == "MapIterationStarted")
            {
                lane = $"{previousLane}/{name ?? "Map"} #{h.Details?["index"]?.GetValue<int>() ?? 0}";
            }
            else if (h.Type.EndsWith("StateEntered", StringComparison.Ordinal) && byId.TryGetValue(h.PreviousEventId, out var before) && before.Type == "ParallelStateStarted")
            {
                var branch = branches[before.Id] = branches.GetValueOrDefault(before.Id) + 1;
                var parallel = byId.TryGetValue(before.PreviousEventId, out var entered) ? Name(entered) : null;
                lane = $"{previousLane}/{parallel ?? "Parallel"} branch {branch}";
            }
            else if ((h.Type.StartsWith("MapState", StringComparison.Ordinal) || h.Type.StartsWith("ParallelState", StringComparison.Ordinal))
                && !h.Type.EndsWith("Entered", StringComparison.Ordinal) && !h.Type.EndsWith("Started", StringComparison.Ordinal)
                && Container(containers, previousLane, name) is { } container)
            {
                // A Map or Parallel ends after its last iteration or branch: the event belongs where the state began.
                lane = container.Lane;
            }

            lanes[h.Id] = lane;
            var at = h.Timestamp;
            if (h.Type.EndsWith("StateEntered", StringComparison.Ordinal) && name is not null)
            {
                var row = new ExecutionRow(name, h.Type[..^"StateEntered".Length], lane, at);
                rows.Add(row);
                open.Add(row);
                if (row.Type is "Map" or "Parallel")
                {
                    containers.Add(row);
                }
            }
            else if (h.Type.EndsWith("StateExited", StringComparison.Ordinal) && open.FindLast(r => r.Lane == lane && r.Name == name) is { } exited)
            {
                exited.End = at;
                exited.Exited = true;
                open.Remove(exited);
                containers.Remove(exited);
            }
            else if (AttemptStarts.Contains(h.Type) && open.FindLast(r => r.Lane == lane) is { } task)
            {
                task.Attempts.Add(new ExecutionAttempt { Start = at });
            }
            else if (AttemptEnds.Contains(h.Type) && open.FindLast(r => r.Lane == lane) is { } done && done.Attempts.Count > 0 && done.Attempts[^1].End is null)
            {
                var attempt = done.Attempts[^1];
                attempt.End = at;
                attempt.Failed = !h.Type.EndsWith("Succeeded", StringComparison.Ordinal);
                attempt.Error = h.Details?["error"]?.GetValue<string>();
            }
            else if (h.Type.EndsWith("StateFailed", StringComparison.Ordinal) && open.FindLast(r => r.Lane == lane && r.Type is "Map" or "Parallel") is { } failed)
            {
                failed.Failed = true;
            }
        }

        var end = execution.StopDate ?? (history.Count > 0 ? history[^1].Timestamp : execution.StartDate);
        foreach (var row in open)
        {
            row.End = end;
            row.Failed |= execution.Status is ExecutionStatus.Failed or ExecutionStatus.TimedOut or ExecutionStatus.Aborted;
        }

        return new ExecutionRows(execution, rows, end);
    }

    private static ExecutionRow? Container(List<ExecutionRow> containers, string lane, string? name) =>
        containers.Where(c => (name is null || c.Name == name) && (lane == c.Lane || lane.StartsWith(c.Lane + "/", StringComparison.Ordinal) || c.Lane.Length == 0))
            .MaxBy(c => c.Lane.Length);

    private static string? Name(HistoryEvent h) => h.Details?["name"] is JsonValue v ? v.GetValue<string>() : null;
}
