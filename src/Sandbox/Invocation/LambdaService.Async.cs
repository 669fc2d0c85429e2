using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;

namespace Course.Sandbox.Invocation;

public sealed partial class LambdaService
{
    private void Enqueue(LambdaFunction function, string requestId, string payload, DateTimeOffset now)
    {
        var ev = new AsyncEvent(function, requestId, payload, now);
        _sim.Trace.Add(now, TraceKind.AsyncQueued, function.Name, requestId, $"event queued ({payload.Length} bytes)");
        _sim.ScheduleAt(now, () => Attempt(ev));
        if (_sim.Options.AsyncDuplicateDeliveryRate > 0 && _sim.Ids.Fraction() < _sim.Options.AsyncDuplicateDeliveryRate)
        {
            // ASYNC_06: at-least-once delivery; the copy carries the same request id.
            var copy = new AsyncEvent(function, requestId, payload, now);
            _sim.Trace.Add(now, TraceKind.Note, function.Name, requestId, "event will be delivered twice (at-least-once delivery)");
            _sim.ScheduleAt(now, () => Attempt(copy));
        }
    }

    private void Attempt(AsyncEvent ev)
    {
        var now = _sim.Time.QueueTime;
        if (now - ev.ReceivedAt > ev.Function.Options.Async.MaximumEventAge)
        {
            Expire(ev, now);
            return;
        }
        var run = new Run(this).Init(ev.Function, ev.RequestId, ev.Payload, InvocationType.Event, ev.Attempts + 1, ev.ReceivedAt);
        run.Event = ev;
        RunAttempt(run);
    }

    private void OnAttemptDone(AsyncEvent ev, InvocationResult result)
    {
        var now = _sim.Time.QueueTime;
        var async = ev.Function.Options.Async;
        ev.LastResult = result;
        if (result.Throttled)
        {
            // ASYNC_02: throttles (and system errors) return the event to the queue; retried with backoff for up to the event age.
            var delay = LambdaAsyncRetryBackoff.ThrottleDelay(ev.ThrottleRetries);
            ev.ThrottleRetries++;
            ScheduleRetry(ev, now, delay, $"throttled ({result.ThrottleReason})");
            return;
        }

        ev.Attempts++;
        if (result.FunctionError is null)
        {
            Route(ev, async.OnSuccess, "Success", now);
            return;
        }
        if (ev.Attempts <= async.MaximumRetryAttempts)
        {
            ScheduleRetry(ev, now, LambdaAsyncRetryBackoff.RetryDelay(ev.Attempts), $"function error ({result.ErrorType}), retry {ev.Attempts} of {async.MaximumRetryAttempts}");
            return;
        }
        Fail(ev, "RetriesExhausted", now);
    }

    private void ScheduleRetry(AsyncEvent ev, DateTimeOffset now, TimeSpan delay, string why)
    {
        var maxAge = ev.Function.Options.Async.MaximumEventAge;
        var at = now + delay;
        if (at - ev.ReceivedAt > maxAge)
        {
            // ASYNC_03: the event would be older than its maximum age at the next attempt; it is discarded when it expires.
            var expiresAt = ev.ReceivedAt + maxAge;
            _sim.Trace.Add(now, TraceKind.RetryScheduled, ev.Function.Name, ev.RequestId, $"{why}; no retry before the event expires at {LogStream.Timestamp(expiresAt)}", attempt: ev.Attempts + 1);
            _sim.ScheduleAt(expiresAt > now ? expiresAt : now, () => Expire(ev, _sim.Time.QueueTime));
            return;
        }
        _sim.Trace.Add(now, TraceKind.RetryScheduled, ev.Function.Name, ev.RequestId, $"{why}; next attempt in {delay.TotalSeconds:0.###} s", attempt: ev.Attempts + 1, duration: delay);
        _sim.ScheduleAt(at, () => Attempt(ev));
    }

    private void Expire(AsyncEvent ev, DateTimeOffset now)
    {
        _sim.Trace.Add(now, TraceKind.EventExpired, ev.Function.Name, ev.RequestId,
            $"event older than its maximum age ({ev.Function.Options.Async.MaximumEventAge.TotalSeconds:0} s) after {ev.Attempts} attempts");
        Fail(ev, "EventAgeExceeded", now);
    }

    private void Fail(AsyncEvent ev, string condition, DateTimeOffset now)
    {
        var async = ev.Function.Options.Async;
        Route(ev, async.OnFailure, condition, now);
        if (async.DeadLetter is { } dlq)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["RequestID"] = ev.RequestId,
                ["ErrorCode"] = (ev.LastResult?.StatusCode ?? 429).ToString(CultureInfo.InvariantCulture),
                ["ErrorMessage"] = ev.LastResult?.ErrorMessage ?? condition,
            };
            dlq.Deliver(new AsyncDelivery(ev.Payload, attributes));
            _sim.Trace.Add(now, TraceKind.DeadLetter, ev.Function.Name, ev.RequestId, $"event sent to DLQ {dlq.Arn} ({condition})");
        }
        if (async.OnFailure is null && async.DeadLetter is null)
        {
            _sim.Trace.Add(now, TraceKind.SourceOutcome, ev.Function.Name, ev.RequestId, $"event discarded ({condition}); no on-failure destination or DLQ configured");
        }
    }

    private void Route(AsyncEvent ev, IAsyncTarget? target, string condition, DateTimeOffset now)
    {
        if (target is null)
        {
            return;
        }
        var record = InvocationRecordJson(ev, condition, now);
        target.Deliver(new AsyncDelivery(record, new Dictionary<string, string>()));
        _sim.Trace.Add(now, TraceKind.DestinationDelivered, ev.Function.Name, ev.RequestId, $"invocation record ({condition}) sent to {target.Arn}");
    }

    /// <summary>The invocation record Lambda sends to destinations (ASYNC_04).</summary>
    private static string InvocationRecordJson(AsyncEvent ev, string condition, DateTimeOffset now)
    {
        var r = ev.LastResult;
        var record = new JsonObject
        {
            ["version"] = "1.0",
            ["timestamp"] = LogStream.Timestamp(now),
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = ev.RequestId,
                ["functionArn"] = ev.Function.Arn + ":$LATEST",
                ["condition"] = condition,
                ["approximateInvokeCount"] = ev.Attempts,
            },
            ["requestPayload"] = ParseOrString(ev.Payload),
        };
        if (r is not null && !r.Throttled)
        {
            var response = new JsonObject { ["statusCode"] = r.StatusCode, ["executedVersion"] = "$LATEST" };
            if (r.FunctionError is not null)
            {
                response["functionError"] = r.FunctionError;
            }
            record["responseContext"] = response;
            record["responsePayload"] = r.Payload is null ? null : ParseOrString(r.Payload);
        }
        return record.ToJsonString();
    }

    private static JsonNode? ParseOrString(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    private sealed class AsyncEvent(LambdaFunction function, string requestId, string payload, DateTimeOffset receivedAt)
    {
        public LambdaFunction Function { get; } = function;
        public string RequestId { get; } = requestId;
        public string Payload { get; } = payload;
        public DateTimeOffset ReceivedAt { get; } = receivedAt;
        public int Attempts { get; set; }
        public int ThrottleRetries { get; set; }
        public InvocationResult? LastResult { get; set; }
    }
}
