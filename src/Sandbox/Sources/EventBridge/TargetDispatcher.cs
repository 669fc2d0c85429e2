using System.Globalization;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.EventBridge;

/// <summary>
/// Delivers one event to one target with the target's retry policy (EB_02): retriable failures (throttles, 5xx) are
/// retried with <see cref="EventBridgeRetryPolicy.Backoff"/> until the retries or the event age run out; non-retriable ones
/// (the target does not exist, the payload is refused) go straight to the dead-letter queue, as AWS documents.
/// </summary>
internal sealed class TargetDispatcher(Simulation sim, EventBridgeService service)
{
    public void Dispatch(string source, string sourceArn, RuleTarget target, string eventJson, DateTimeOffset receivedAt)
    {
        var delivery = new Delivery(source, sourceArn, target, eventJson, receivedAt);
        sim.ScheduleAt(sim.Now, () => Attempt(delivery));
    }

    private void Attempt(Delivery d)
    {
        var now = sim.Time.QueueTime;
        d.Attempts++;
        var (outcome, code, message) = Call(d.Target, d.EventJson);
        if (outcome == Outcome.Delivered)
        {
            sim.Trace.Add(now, TraceKind.SourceDelivery, d.Source, null, $"event delivered to {d.Target.Arn} (target {d.Target.Id}, attempt {d.Attempts})", attempt: d.Attempts);
            return;
        }

        sim.Trace.Add(now, outcome == Outcome.Throttled ? TraceKind.Throttle : TraceKind.SourceOutcome, d.Source, null,
            $"delivery to {d.Target.Arn} failed: {code} ({message}), attempt {d.Attempts}", attempt: d.Attempts);
        if (outcome == Outcome.Fatal)
        {
            DeadLetter(d, now, code, message, exhausted: null);
            return;
        }

        var policy = d.Target.RetryPolicy;
        var retries = d.Attempts - 1;
        if (retries >= policy.MaximumRetryAttempts)
        {
            DeadLetter(d, now, code, message, "MaximumRetryAttempts");
            return;
        }

        var delay = EventBridgeRetryPolicy.Backoff(retries + 1);
        if (now + delay - d.ReceivedAt > TimeSpan.FromSeconds(policy.MaximumEventAgeInSeconds))
        {
            DeadLetter(d, now, code, message, "MaximumEventAgeInSeconds");
            return;
        }

        sim.Trace.Add(now, TraceKind.RetryScheduled, d.Source, null,
            $"{code}: retry {retries + 1} of {policy.MaximumRetryAttempts} to {d.Target.Arn} in {delay.TotalSeconds:0} s", attempt: d.Attempts + 1, duration: delay);
        sim.ScheduleAt(now + delay, () => Attempt(d));
    }

    private (Outcome Outcome, string Code, string Message) Call(RuleTarget target, string payload)
    {
        var operation = target.Kind switch { "lambda" => "Invoke", "sqs" => "SendMessage", _ => "Publish" };
        var fault = service.TargetFaults.Decide(operation).Kind;
        if (fault is FaultKind.Throttling or FaultKind.ProvisionedThroughputExceeded)
        {
            return (Outcome.Throttled, "ThrottlingException", $"{operation} was throttled by the target service (429)");
        }

        if (fault == FaultKind.InternalServerError)
        {
            return (Outcome.Retriable, "InternalFailure", $"{operation} failed with an internal error (500)");
        }

        switch (target.Kind)
        {
            case "lambda":
                var name = Destinations.FunctionArn.Name(target.Arn);
                var result = sim.Lambda.InvokeAsync(name, payload, InvocationType.Event).Result;
                return result.StatusCode switch
                {
                    202 => (Outcome.Delivered, "", ""),
                    429 => (Outcome.Throttled, result.ErrorType ?? "TooManyRequestsException", result.ErrorMessage ?? "Rate Exceeded."),
                    >= 500 => (Outcome.Retriable, result.ErrorType ?? "ServiceException", result.ErrorMessage ?? ""),
                    _ => (Outcome.Fatal, result.ErrorType ?? "InvalidRequest", result.ErrorMessage ?? ""),
                };
            case "sqs":
                var queue = service.Sqs.Queues.FirstOrDefault(q => q.Arn == target.Arn);
                if (queue is null)
                {
                    return (Outcome.Fatal, "ResourceNotFoundException", $"Queue {target.Arn} does not exist");
                }

                try
                {
                    queue.Send(new SqsSendRequest { Body = payload, MessageGroupId = queue.IsFifo ? "eventbridge" : null });
                    return (Outcome.Delivered, "", "");
                }
                catch (SqsException e)
                {
                    return (Outcome.Fatal, e.ErrorCode, e.Message);
                }

            default:
                try
                {
                    service.Sns.Publish(target.Arn, payload);
                    return (Outcome.Delivered, "", "");
                }
                catch (SnsException e)
                {
                    return (Outcome.Fatal, e.ErrorCode, e.Message);
                }
        }
    }

    private void DeadLetter(Delivery d, DateTimeOffset now, string code, string message, string? exhausted)
    {
        var why = exhausted is null ? "non-retriable error" : "retries exhausted (" + exhausted + ")";
        if (d.Target.DeadLetterArn is not { } dlqArn)
        {
            sim.Trace.Add(now, TraceKind.SourceOutcome, d.Source, null, $"event dropped after {d.Attempts} attempts: {why}; no dead-letter queue on target {d.Target.Id}");
            return;
        }

        var queue = service.Sqs.Queues.FirstOrDefault(q => q.Arn == dlqArn);
        if (queue is null)
        {
            sim.Trace.Add(now, TraceKind.SourceOutcome, d.Source, null, $"event dropped after {d.Attempts} attempts: {why}; dead-letter queue {dlqArn} does not exist");
            return;
        }

        var attributes = new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal)
        {
            ["ERROR_CODE"] = SqsMessageAttribute.String(code),
            ["ERROR_MESSAGE"] = SqsMessageAttribute.String(message),
            ["RULE_ARN"] = SqsMessageAttribute.String(d.SourceArn),
            ["TARGET_ARN"] = SqsMessageAttribute.String(d.Target.Arn),
            ["RETRY_ATTEMPTS"] = SqsMessageAttribute.Number((d.Attempts - 1).ToString(CultureInfo.InvariantCulture)),
        };
        if (exhausted is not null)
        {
            attributes["EXHAUSTED_RETRY_CONDITION"] = SqsMessageAttribute.String(exhausted);
        }

        queue.Send(new SqsSendRequest { Body = d.EventJson, MessageAttributes = attributes });
        sim.Trace.Add(now, TraceKind.DeadLetter, d.Source, null, $"event sent to DLQ {dlqArn} after {d.Attempts} attempts: {why}, last error {code}");
    }


    private enum Outcome
    {
        Delivered,
        Throttled,
        Retriable,
        Fatal,
    }

    private sealed class Delivery(string source, string sourceArn, RuleTarget target, string eventJson, DateTimeOffset receivedAt)
    {
        public string Source { get; } = source;

        public string SourceArn { get; } = sourceArn;

        public RuleTarget Target { get; } = target;

        public string EventJson { get; } = eventJson;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public int Attempts { get; set; }
    }
}
