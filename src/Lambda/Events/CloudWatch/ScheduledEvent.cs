#nullable disable

namespace Course.Lambda.CloudWatchEvents.ScheduledEvents;

/// <summary>
/// The event a scheduled EventBridge rule sends (<c>detail-type</c> "Scheduled Event", empty detail),
/// mirroring <c>Amazon.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent</c>.
/// </summary>
public class ScheduledEvent : CloudWatchEvent<Detail>
{
}
