using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.S3;

namespace Course.Sandbox.Sources.S3;

/// <summary>
/// Delivers S3 bucket notifications (S3_01): each object event selected by a notification rule whose target is a
/// Lambda function becomes one asynchronous (<c>Event</c>) invoke with the <c>{"Records":[…]}</c> document, so
/// Lambda's async retries (ASYNC_01), maximum event age, destinations and DLQ apply. (Rules whose target is an SQS
/// queue or SNS topic are delivered by <see cref="S3Service"/> itself.)
/// Delivery is at-least-once: <see cref="DuplicateRate"/> delivers some events twice, as AWS warns can happen.
/// </summary>
/// <remarks>The simulation wires this up itself (<c>sim.Services.S3Notifications</c>); it listens to
/// <see cref="S3Service.NotificationRaised"/>.</remarks>
public sealed class S3NotificationSource
{
    private readonly Simulation _sim;

    internal S3NotificationSource(Simulation simulation, S3Service s3)
    {
        _sim = simulation;
        s3.NotificationRaised += OnNotification;
    }

    /// <summary>How long after the object operation the notification is handed to its target. AWS says notifications
    /// typically arrive within seconds (?). <value>The default is zero.</value></summary>
    public TimeSpan DeliveryDelay { get; set; }

    /// <summary>Probability (0–1) that a notification is delivered twice (at-least-once). <value>The default is 0.</value></summary>
    public double DuplicateRate { get; set; }

    /// <summary>
    /// Extra delay drawn (seeded) between zero and this for every delivery, duplicates included: when it is longer than
    /// the gap between two operations on one key, their events can arrive out of order, as AWS warns (S3_03; only the
    /// <c>sequencer</c> orders them). AWS gives no figure; this is the sandbox's model. <value>The default is zero.</value>
    /// </summary>
    public TimeSpan DeliveryJitter { get; set; }

    /// <summary>How many notifications were handed to Lambda (duplicates included).</summary>
    public int Delivered { get; private set; }

    private void OnNotification(S3Notification notification)
    {
        if (notification.Rule.TargetKind != "lambda")
        {
            return;
        }

        var copies = DuplicateRate > 0 && _sim.Ids.Fraction() < DuplicateRate ? 2 : 1;
        for (var i = 0; i < copies; i++)
        {
            var duplicate = i > 0;
            var jitter = DeliveryJitter > TimeSpan.Zero
                ? TimeSpan.FromTicks((long)(_sim.Ids.Fraction() * DeliveryJitter.Ticks))
                : TimeSpan.Zero;
            _sim.ScheduleAt(_sim.Now + DeliveryDelay + jitter, () => Deliver(notification, duplicate));
        }
    }

    private void Deliver(S3Notification n, bool duplicate)
    {
        var now = _sim.Now;
        var json = n.ToEventJson();
        var rule = n.Rule;
        var what = $"s3:{n.EventName} {n.BucketName}/{n.Key} (rule {rule.Id}){(duplicate ? ", duplicate delivery" : "")}";
        Delivered++;
        var function = Invocation.Destinations.FunctionArn.Name(rule.TargetArn);
        var result = _sim.Lambda.InvokeAsync(function, json, InvocationType.Event).Result;
        if (result.StatusCode == 202)
        {
            _sim.Trace.Add(now, TraceKind.SourceDelivery, n.BucketName, result.RequestId, $"{what} → async invoke of {function}");
        }
        else
        {
            _sim.Trace.Add(now, TraceKind.SourceOutcome, n.BucketName, result.RequestId, $"{what} not delivered: {result.ErrorType} ({result.ErrorMessage})");
        }
    }
}
