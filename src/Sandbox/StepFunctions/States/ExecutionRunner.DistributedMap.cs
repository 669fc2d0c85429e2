using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Integrations;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// The distributed Map state (catalogue row SFN_13): the items come from the state input (ItemsPath) or an
/// ItemReader over Amazon S3; ItemSelector shapes each item, ItemBatcher groups them; each item or batch runs as its
/// own child workflow execution (Standard or Express, its own history and bill), at most MaxConcurrency at once
/// (default 10,000). The parent's history holds MapStateEntered, MapRunStarted, MapRunSucceeded or MapRunFailed and
/// MapStateExited. The map run fails with States.ExceedToleratedFailureThreshold as soon as more children failed than
/// ToleratedFailureCount/Percentage allow (default none); the children still running are aborted. The output is the
/// array of the children's outputs in item order, or with a ResultWriter the manifest's location.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>How many child executions a distributed Map runs at once when MaxConcurrency is not set or 0.</summary>
    public const int DistributedMapConcurrency = 10_000;

    private async Task<(JsonNode? Output, JsonObject? Assigned)> DistributedMapAttemptAsync(StateRun run)
    {
        var s = run.State;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var items = s.ItemReader is { } reader ? Io(run, () => ReadItems(run, reader, effective)) : Io(run, () => Items(run, effective));
        var inputs = Io(run, () => SelectItems(run, items, effective));
        var batches = s.ItemBatcher is { } batcher ? Io(run, () => Batch(run, batcher, effective, inputs)) : inputs;
        var maxConcurrency = Io(run, () => Count(effective, s.MaxConcurrency, s.MaxConcurrencyPath, "MaxConcurrencyPath"));
        var (toleratedCount, toleratedPercent) = Io(run, () => Tolerance(run, effective));

        var label = s.Label ?? s.Name;
        var mapRunId = _sim.NewRequestId();
        var mapRunArn = $"arn:aws:states:{_sim.Options.Region}:{_sim.Options.AccountId}:mapRun:{_execution.StateMachine.Name}/{label}:{mapRunId}";
        Append(run.Frame, "MapRunStarted", "mapRunStartedEventDetails", new JsonObject { ["mapRunArn"] = mapRunArn });
        var machine = _service.ChildStateMachine(_execution, label, s.ItemProcessor!, s.ChildExecutionType);

        var n = batches.Count;
        var children = new Execution?[n];
        var failed = 0;
        var next = 0;
        var exceeded = false;
        var limit = maxConcurrency is > 0 ? Math.Min(maxConcurrency.Value, DistributedMapConcurrency) : DistributedMapConcurrency;

        bool Exceeded() => toleratedCount is null && toleratedPercent is null
            ? failed > 0
            : (toleratedCount is int c && failed > c) || (toleratedPercent is double p && failed * 100.0 / n > p);

        async Task WorkerAsync()
        {
            while (next < n && !exceeded && !run.Frame.Aborted)
            {
                var index = next++;
                var child = children[index] = _service.StartChildExecution(_execution, machine, JsonValues.Text(batches[index]));
                await child.Completion;
                if (child.Status == ExecutionStatus.Succeeded || exceeded)
                {
                    continue;
                }

                failed++;
                if (Exceeded())
                {
                    exceeded = true;
                    foreach (var running in children.Where(c => c is { IsRunning: true }))
                    {
                        _service.StopExecution(running!.Arn, null, "The map run failed: it exceeded its tolerated failure threshold.");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(limit, n)).Select(_ => WorkerAsync()).ToList());
        run.Frame.ThrowIfAborted();

        var started = children.OfType<Execution>().ToList();
        JsonNode? written = s.ResultWriter is { } writer
            ? Io(run, () => S3ResultWriter.Write(_sim.Services.S3, Parameters(run, writer.Parameters, effective, "ResultWriter"), mapRunArn, mapRunId, started))
            : null;
        if (exceeded)
        {
            const string cause = "The specified tolerated failure threshold was exceeded";
            Append(run.Frame, "MapRunFailed", "mapRunFailedEventDetails", new JsonObject { ["error"] = StatesErrors.ExceedToleratedFailureThreshold, ["cause"] = cause });
            throw new StatesException(StatesErrors.ExceedToleratedFailureThreshold, cause);
        }

        Append(run.Frame, "MapRunSucceeded", null, null);
        var result = written ?? new JsonArray([.. children.Select(c => c is { Status: ExecutionStatus.Succeeded, Output: { } o } ? JsonValues.Parse(o) : null)]);
        return ProcessResult(run, result);
    }

    private List<JsonNode?> ReadItems(StateRun run, ItemReaderDefinition reader, JsonNode? effective)
    {
        var parameters = Parameters(run, reader.Parameters, effective, "ItemReader");
        var max = reader.MaxItemsPath is string path ? Count(effective, 0, path, "MaxItemsPath") : reader.MaxItems;
        return S3ItemReader.Read(_sim.Services.S3, reader, parameters, max is 0 ? null : max);
    }

    private JsonObject Parameters(StateRun run, JsonNode? template, JsonNode? effective, string field) =>
        template is null ? new JsonObject()
            : DataFlow.ApplyTemplate(template, Scope(run, effective), _intrinsics) as JsonObject
              ?? throw new StatesException(StatesErrors.Runtime, $"The {field} Parameters must evaluate to a JSON object.");

    /// <summary>ItemSelector per item, with <c>$$.Map.Item.Index</c> and <c>.Value</c>; without one, the items as they are.</summary>
    private List<JsonNode?> SelectItems(StateRun run, List<JsonNode?> items, JsonNode? effective)
    {
        if (ItemSelectorOf(run.State) is not { } selector)
        {
            return items;
        }

        return [.. items.Select((item, index) => SelectItem(run,
            new ExecutionFrame(run.Frame, run.Frame.LastEventId, run.Frame.Variables, new JsonObject { ["Index"] = index, ["Value"] = JsonValues.Copy(item) }),
            selector, effective))];
    }

    /// <summary>
    /// Groups the items in order: a batch closes before the item that would take it past MaxItemsPerBatch or past
    /// MaxInputBytesPerBatch (the batch's JSON, BatchInput included). Each batch is <c>{"BatchInput", "Items"}</c>.
    /// </summary>
    private List<JsonNode?> Batch(StateRun run, ItemBatcherDefinition batcher, JsonNode? effective, List<JsonNode?> items)
    {
        var maxItems = batcher.MaxItemsPerBatchPath is string ip ? Count(effective, 0, ip, "MaxItemsPerBatchPath") : batcher.MaxItemsPerBatch;
        var maxBytes = batcher.MaxInputBytesPerBatchPath is string bp ? Count(effective, 0, bp, "MaxInputBytesPerBatchPath") : batcher.MaxInputBytesPerBatch;
        var byteLimit = Math.Min(maxBytes is > 0 ? maxBytes.Value : MaxPayloadBytes, MaxPayloadBytes);
        var batchInput = batcher.BatchInput is null ? null : DataFlow.ApplyTemplate(batcher.BatchInput, Scope(run, effective), _intrinsics);

        var batches = new List<JsonNode?>();
        var current = new List<JsonNode?>();
        var empty = JsonValues.Utf8Size(JsonValues.Text(Wrap([])));
        var size = empty;
        foreach (var item in items)
        {
            var itemSize = JsonValues.Utf8Size(JsonValues.Text(item)) + (current.Count > 0 ? 1 : 0);
            if (empty + itemSize > byteLimit)
            {
                throw new StatesException(StatesErrors.Runtime, $"An item of {itemSize} bytes does not fit in a batch of at most {byteLimit} bytes (MaxInputBytesPerBatch).");
            }

            if (current.Count > 0 && ((maxItems is > 0 && current.Count >= maxItems) || size + itemSize > byteLimit))
            {
                batches.Add(Wrap(current));
                current = [];
                size = empty;
                itemSize -= 1;
            }

            current.Add(item);
            size += itemSize;
        }

        if (current.Count > 0)
        {
            batches.Add(Wrap(current));
        }

        return batches;

        JsonObject Wrap(List<JsonNode?> group)
        {
            var o = new JsonObject();
            if (batchInput is not null)
            {
                o["BatchInput"] = JsonValues.Copy(batchInput);
            }

            o["Items"] = new JsonArray([.. group.Select(JsonValues.Copy)]);
            return o;
        }
    }
}
