using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// The inline Map state (catalogue row SFN_08): one iteration per item of ItemsPath, each on the item
/// (or ItemSelector's output, with <c>$$.Map.Item.Index</c> and <c>.Value</c>), at most MaxConcurrency at once
/// (0 = as many as the inline limit allows); the output is the array of results in item order. A failed iteration
/// fails the state unless ToleratedFailureCount/Percentage allow it.
/// </summary>
internal sealed partial class ExecutionRunner
{
    private async Task<(JsonNode? Output, JsonObject? Assigned)> MapAttemptAsync(StateRun run)
    {
        var s = run.State;
        if (s.Distributed)
        {
            return await DistributedMapAttemptAsync(run);
        }

        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var items = Io(run, () => Items(run, effective));
        var maxConcurrency = Io(run, () => Count(effective, s.MaxConcurrency, s.MaxConcurrencyPath, "MaxConcurrencyPath"));
        var (toleratedCount, toleratedPercent) = Io(run, () => Tolerance(run, effective));
        var selector = ItemSelectorOf(s);
        var started = Append(run.Frame, "MapStateStarted", "mapStateStartedEventDetails", new JsonObject { ["length"] = items.Count });

        var n = items.Count;
        _execution.ParallelMapSteps += n;
        var results = new JsonNode?[n];
        var frames = new ExecutionFrame?[n];
        var failed = 0;
        var tolerating = toleratedCount is not null || toleratedPercent is not null;
        var group = new ChildGroup
        {
            Tolerate = (_, _) =>
            {
                failed++;
                return tolerating && failed <= (toleratedCount ?? int.MaxValue) && (toleratedPercent is not double p || failed * 100.0 / n <= p);
            },
        };
        var limit = Math.Min(maxConcurrency is > 0 ? maxConcurrency.Value : _service.InlineMapConcurrency, _service.InlineMapConcurrency);
        var next = 0;
        async Task WorkerAsync()
        {
            while (next < n && group.Failure is null && !run.Frame.Aborted)
            {
                var index = next++;
                var item = new JsonObject { ["Index"] = index, ["Value"] = JsonValues.Copy(items[index]) };
                var frame = frames[index] = new ExecutionFrame(run.Frame, started, new VariableScope(run.Frame.Variables), item);
                await RunChildAsync(group, frame, () => IterationAsync(run, frame, index, items[index], effective, selector), output => results[index] = output);
            }
        }
        for (var w = 0; w < Math.Min(limit, n); w++)
        {
            group.Track(WorkerAsync());
        }
        await group.WhenDoneAsync(n);
        run.Frame.ThrowIfAborted();

        if (group.Failure is { } failure)
        {
            for (var i = 0; i < n; i++)
            {
                if (frames[i] is not { } f || f == failure.Frame || f.Aborted || f.Done)
                {
                    continue;
                }
                Append(f, "MapIterationAborted", "mapIterationAbortedEventDetails", MapIteration(s.Name, i));
                f.Abort();
            }
            run.Frame.LastEventId = failure.Frame.LastEventId;
            if (failure.Error.IsTerminal)
            {
                throw failure.Error;
            }
            Append(run.Frame, "MapStateFailed", null, null, advance: false);
            if (tolerating)
            {
                throw new StatesException(StatesErrors.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded");
            }
            throw failure.Error;
        }
        run.Frame.LastEventId = group.LastFinished?.LastEventId ?? started;
        Append(run.Frame, "MapStateSucceeded", null, null, advance: false);
        JsonNode? result = new JsonArray(results);
        return ProcessResult(run, result);
    }

    private async Task<JsonNode?> IterationAsync(StateRun run, ExecutionFrame frame, int index, JsonNode? item, JsonNode? effective, JsonNode? selector)
    {
        var name = run.State.Name;
        Append(frame, "MapIterationStarted", "mapIterationStartedEventDetails", MapIteration(name, index));
        try
        {
            var input = selector is null ? JsonValues.Copy(item) : Io(run, () => SelectItem(run, frame, selector, effective));
            var output = await RunMachineAsync(run.State.ItemProcessor!, input, frame);
            Append(frame, "MapIterationSucceeded", "mapIterationSucceededEventDetails", MapIteration(name, index));
            frame.Done = true;
            return output;
        }
        catch (StatesException e) when (!e.IsTerminal && !frame.Aborted)
        {
            Append(frame, "MapIterationFailed", "mapIterationFailedEventDetails", MapIteration(name, index));
            frame.Done = true;
            throw;
        }
    }

    private List<JsonNode?> Items(StateRun run, JsonNode? effective)
    {
        var s = run.State;
        var scope = Scope(run, effective);
        var value = s.ItemsPath == "$" ? effective
            : DataFlow.Reference(s.ItemsPath, "ItemsPath", scope);
        if (value is not JsonArray array)
        {
            throw new StatesException(StatesErrors.Runtime, $"Item path {s.ItemsPath} does not select an array: '{JsonValues.Text(value)}'. The items of a Map state must be a JSON array.");
        }
        return [.. array.Select(JsonValues.Copy)];
    }

    /// <summary>ToleratedFailureCount(Path) and ToleratedFailurePercentage(Path); both null when the state tolerates nothing.</summary>
    private (int? Count, double? Percent) Tolerance(StateRun run, JsonNode? effective)
    {
        var s = run.State;
        var count = s.ToleratedFailureCountPath is string countPath ? Count(effective, 0, countPath, "ToleratedFailureCountPath") : s.ToleratedFailureCount;
        var percent = s.ToleratedFailurePercentagePath is string percentPath
            ? (double?)(JsonValues.AsNumber(DataFlow.Reference(percentPath, "ToleratedFailurePercentagePath", Scope(run, effective))) ?? 0)
            : s.ToleratedFailurePercentage;
        return (count, percent);
    }

    /// <summary>ItemSelector, or the older Parameters that named it; null when items go in as they are.</summary>
    private static JsonNode? ItemSelectorOf(Definition.StateDefinition s) => s.ItemSelector ?? (s.HasParameters ? s.Parameters : null);

    /// <summary>ItemSelector for the item of <paramref name="frame"/> (<c>$$.Map.Item.Index</c> and <c>.Value</c>), over the state's effective input.</summary>
    private JsonNode? SelectItem(StateRun run, ExecutionFrame frame, JsonNode selector, JsonNode? effective) =>
        DataFlow.ApplyTemplate(selector, new PathScope(effective, Context(new StateRun(run.State, run.Input, frame, run.EnteredEventId, run.EnteredAt)), frame.Variables.Get), _intrinsics);

    private static int? Count(JsonNode? effective, int value, string? path, string field)
    {
        if (path is null)
        {
            return value;
        }
        var found = PathCache.Get(path).TryEvaluate(effective, out var node);
        var n = found ? JsonValues.AsNumber(node) : null;
        if (n is not decimal d || d < 0 || d != decimal.Truncate(d) || d > int.MaxValue)
        {
            throw new StatesException(StatesErrors.Runtime, $"The {field} parameter does not reference a valid non-negative integer: {JsonValues.Text(node)}");
        }
        return (int)d;
    }

    private static JsonObject MapIteration(string name, int index) => new() { ["name"] = name, ["index"] = index };
}
