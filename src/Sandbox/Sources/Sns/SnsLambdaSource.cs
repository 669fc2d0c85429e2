using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sns;

/// <summary>
/// Delivers SNS messages to <c>lambda</c> subscriptions (SNS_01): one asynchronous (<c>Event</c>) invoke per message
/// with the <c>{"Records":[{"EventSource":"aws:sns","Sns":{…}}]}</c> event. Once Lambda accepts the event (202), Lambda's
/// own async retries, destinations and DLQ apply. When Lambda refuses the invoke — a throttle (429) or a service error
/// (5xx) — SNS retries on its <see cref="Policy"/>; when the policy is exhausted, or the error is a client error (the
/// function does not exist, 4xx), the message goes to the subscription's dead-letter queue, or is discarded.
/// </summary>
/// <remarks>Wired up by the simulation (<c>sim.Services.SnsLambda</c>); listens to <see cref="SnsService.LambdaDelivery"/>.</remarks>
public sealed class SnsLambdaSource
{
    private readonly Simulation _sim;
    private readonly SqsService _sqs;
    private readonly Dictionary<string, string> _deadLetters = new(StringComparer.Ordinal);
    private SnsDeliveryPolicy _policy = SnsDeliveryPolicy.Lambda;

    internal SnsLambdaSource(Simulation simulation, SnsService sns, SqsService sqs)
    {
        _sim = simulation;
        _sqs = sqs;
        InvokeFaults = new FaultInjector(new Random(simulation.Options.Seed ^ 0x5a5));
        sns.LambdaDelivery += OnDelivery;
    }

    /// <summary>The retry policy for refused invokes. <value>The default is <see cref="SnsDeliveryPolicy.Lambda"/>.</value></summary>
    /// <exception cref="ArgumentException">The policy is not consistent.</exception>
    public SnsDeliveryPolicy Policy
    {
        get => _policy;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _policy = value;
        }
    }

    /// <summary>
    /// Faults injected into Lambda's <c>Invoke</c> as SNS calls it (operation <c>Invoke</c>): <see cref="FaultKind.Throttling"/>
    /// is Lambda's 429 TooManyRequestsException, <see cref="FaultKind.InternalServerError"/> its 500 ServiceException.
    /// Nothing is injected until configured.
    /// </summary>
    public FaultInjector InvokeFaults { get; }

    /// <summary>Sets the subscription's dead-letter queue (its <c>RedrivePolicy</c>): messages SNS gives up on are sent
    /// there as the SNS envelope JSON.</summary>
    /// <param name="subscriptionArn">The lambda subscription.</param>
    /// <param name="queue">The queue, or null to remove it.</param>
    public void SetDeadLetterQueue(string subscriptionArn, SqsQueue? queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionArn);
        if (queue is null)
        {
            _deadLetters.Remove(subscriptionArn);
        }
        else
        {
            _deadLetters[subscriptionArn] = queue.Arn;
        }
    }

    private void OnDelivery(SnsDelivery delivery)
    {
        var state = new Delivery(delivery, _sim.Now);
        _sim.ScheduleAt(state.PublishedAt, () => Attempt(state));
    }

    private void Attempt(Delivery d)
    {
        var now = _sim.Time.QueueTime;
        d.Attempts++;
        var function = Destinations.FunctionArn.Name(d.Message.Subscription.Endpoint);
        var messageId = d.Message.Envelope.MessageId;
        var fault = InvokeFaults.Decide("Invoke").Kind;
        InvocationResult? result = null;
        string code, message;
        int status;
        if (fault is FaultKind.Throttling or FaultKind.ProvisionedThroughputExceeded)
        {
            (status, code, message) = (429, "TooManyRequestsException", "Rate Exceeded.");
        }
        else if (fault == FaultKind.InternalServerError)
        {
            (status, code, message) = (500, "ServiceException", "Lambda was unable to process the request (500).");
        }
        else
        {
            result = _sim.Lambda.InvokeAsync(function, d.Message.ToLambdaEventJson(), InvocationType.Event).Result;
            (status, code, message) = (result.StatusCode, result.ErrorType ?? "", result.ErrorMessage ?? "");
        }

        if (status == 202)
        {
            _sim.Trace.Add(now, TraceKind.SourceDelivery, d.Message.Subscription.TopicArn.Split(':')[^1], result?.RequestId,
                $"message {messageId} → async invoke of {function} (attempt {d.Attempts})", attempt: d.Attempts);
            return;
        }

        var topic = d.Message.Subscription.TopicArn.Split(':')[^1];
        _sim.Trace.Add(now, status == 429 ? TraceKind.Throttle : TraceKind.SourceOutcome, topic, null,
            $"message {messageId}: Lambda refused the invoke of {function}: {status} {code} (attempt {d.Attempts})", attempt: d.Attempts);
        if (status is not (429 or >= 500))
        {
            // Client-side errors (the function is gone, the payload is refused) are not retried.
            GiveUp(d, now, $"client error {status} {code}");
            return;
        }

        if (_policy.DelayBefore(d.Attempts) is not { } delay)
        {
            GiveUp(d, now, $"delivery policy exhausted after {d.Attempts} attempts");
            return;
        }

        _sim.Trace.Add(now, TraceKind.RetryScheduled, topic, null,
            $"message {messageId}: {code}; SNS retry {d.Attempts} of {_policy.TotalRetries} in {delay.TotalSeconds:0.###} s", attempt: d.Attempts + 1, duration: delay);
        _sim.ScheduleAt(now + delay, () => Attempt(d));
    }

    private void GiveUp(Delivery d, DateTimeOffset now, string why)
    {
        var subscription = d.Message.Subscription;
        var topic = subscription.TopicArn.Split(':')[^1];
        var queue = _deadLetters.TryGetValue(subscription.SubscriptionArn, out var arn) ? _sqs.Queues.FirstOrDefault(q => q.Arn == arn) : null;
        if (queue is null)
        {
            _sim.Trace.Add(now, TraceKind.SourceOutcome, topic, null, $"message {d.Message.Envelope.MessageId} discarded ({why}); no dead-letter queue on {subscription.SubscriptionArn}");
            return;
        }

        queue.Send(new SqsSendRequest { Body = d.Message.Envelope.ToSqsBodyJson(subscription.SubscriptionArn) });
        _sim.Trace.Add(now, TraceKind.DeadLetter, topic, null, $"message {d.Message.Envelope.MessageId} sent to DLQ {queue.Arn} ({why})");
    }

    private sealed class Delivery(SnsDelivery message, DateTimeOffset publishedAt)
    {
        public SnsDelivery Message { get; } = message;

        public DateTimeOffset PublishedAt { get; } = publishedAt;

        public int Attempts { get; set; }
    }
}
