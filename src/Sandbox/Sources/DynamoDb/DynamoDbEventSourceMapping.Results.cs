using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Sources.DynamoDb;

/// <summary>What the mapping does with a batch's result: checkpoint, retry, bisect or discard (DDB_01–DDB_03).</summary>
public sealed partial class DynamoDbEventSourceMapping
{
    private void OnResult(Lane lane, Batch batch, InvocationResult r)
    {
        var now = _sim.Now;
        batch.Last = r;
        if (r.StatusCode != 200)
        {
            // Throttles and invoke errors happen before the function runs: retried until the records expire, not counted.
            var why = r.Throttled ? $"throttled ({r.ThrottleReason})" : $"invoke failed ({r.StatusCode} {r.ErrorType})";
            Retry(lane, batch, why, counted: false);
            return;
        }

        if (r.FunctionError is null && !_reportFailures)
        {
            Succeeded(lane, batch, batch.Records.Count, r);
            return;
        }

        if (r.FunctionError is null)
        {
            var parsed = BatchItemFailures.Parse(r.Payload, id => batch.Records.Exists(x => x.SequenceNumber == id));
            if (!parsed.WholeBatchFailed)
            {
                if (parsed.Failed!.Count == 0)
                {
                    Succeeded(lane, batch, batch.Records.Count, r);
                    return;
                }
                var first = parsed.Failed.Min(StringComparer.Ordinal)!;
                var at = batch.Records.FindIndex(x => x.SequenceNumber == first);
                if (at > 0)
                {
                    Succeeded(lane, batch, at, r, keepGoing: false);
                    batch.Records.RemoveRange(0, at);
                    batch.Attempts = 0;
                }
                _sim.Trace.Add(now, TraceKind.SourceOutcome, _stream.TableName, r.RequestId, string.Create(CultureInfo.InvariantCulture,
                    $"partial batch response: checkpoint before {first}; {at} record{(at == 1 ? "" : "s")} done, {batch.Records.Count} to retry from there"));
                Retry(lane, batch, "partial batch failure", counted: true);
                return;
            }
            _sim.Trace.Add(now, TraceKind.SourceOutcome, _stream.TableName, r.RequestId, $"partial batch response rejected ({parsed.Reason}): the whole batch fails");
        }
        else
        {
            _sim.Trace.Add(now, TraceKind.SourceOutcome, _stream.TableName, r.RequestId, string.Create(CultureInfo.InvariantCulture,
                $"function error ({r.ErrorType}) on batch of {batch.Records.Count} from {lane.Name}; the shard waits"));
        }

        if (_o.BisectBatchOnFunctionError && batch.Records.Count > 1)
        {
            var half = (batch.Records.Count + 1) / 2;
            var left = new Batch(batch.Records.GetRange(0, half)) { Invokes = batch.Invokes, Last = r };
            var right = new Batch(batch.Records.GetRange(half, batch.Records.Count - half)) { Invokes = batch.Invokes, Last = r };
            lane.Split.Push(right);
            lane.Split.Push(left);
            _sim.Trace.Add(now, TraceKind.RetryScheduled, _stream.TableName, r.RequestId, string.Create(CultureInfo.InvariantCulture,
                $"bisecting batch of {batch.Records.Count} into {left.Records.Count} + {right.Records.Count}; the halves are tried now (bisecting is not a retry)"),
                duration: TimeSpan.Zero);
            lane.State = LaneState.Idle;
            TryStart(lane);
            return;
        }
        Retry(lane, batch, r.FunctionError is null ? "invalid partial batch response" : $"function error ({r.ErrorType})", counted: true);
    }

    private void Succeeded(Lane lane, Batch batch, int count, InvocationResult r, bool keepGoing = true)
    {
        for (var i = 0; i < count; i++)
        {
            _processed.Add(batch.Records[i].SequenceNumber);
        }
        lane.Failures = 0;
        if (_verbose && keepGoing)
        {
            _sim.Trace.Add(_sim.Now, TraceKind.SourceOutcome, _stream.TableName, r.RequestId, string.Create(CultureInfo.InvariantCulture,
                $"batch of {count} from {lane.Name} succeeded; checkpoint at {batch.Records[count - 1].SequenceNumber}"));
        }
        if (!keepGoing)
        {
            return;
        }
        lane.State = LaneState.Idle;
        TryStart(lane);
    }

    private void Retry(Lane lane, Batch batch, string why, bool counted)
    {
        var now = _sim.Now;
        if (counted)
        {
            batch.Attempts++;
            if (_o.MaximumRetryAttempts >= 0 && batch.Attempts > _o.MaximumRetryAttempts)
            {
                Discard(lane, batch, "RetryAttemptsExhausted", string.Create(CultureInfo.InvariantCulture, $"{why}; {_o.MaximumRetryAttempts} retries used (MaximumRetryAttempts)"));
                lane.State = LaneState.Idle;
                TryStart(lane);
                return;
            }
        }
        var delay = DynamoDbStreamRetryBackoff.Delay(lane.Failures);
        lane.Failures++;
        lane.Blocked = batch;
        lane.State = LaneState.Waiting;
        _sim.Trace.Add(now, TraceKind.RetryScheduled, _stream.TableName, batch.Last?.RequestId, string.Create(CultureInfo.InvariantCulture,
            $"{why}; batch of {batch.Records.Count} from {lane.Name} retried in {delay.TotalSeconds:0.###} s{(counted ? $" (retry {batch.Attempts}{(_o.MaximumRetryAttempts >= 0 ? $" of {_o.MaximumRetryAttempts}" : "")})" : " (not counted as a retry)")}"),
            attempt: batch.Attempts + 1, duration: delay);
        _sim.ScheduleAt(now + delay, () =>
        {
            lane.State = LaneState.Idle;
            TryStart(lane);
        });
    }
}
