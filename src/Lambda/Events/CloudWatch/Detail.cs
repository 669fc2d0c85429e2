#nullable disable

namespace Course.Lambda.CloudWatchEvents.ScheduledEvents;

/// <summary>The (empty) detail of a scheduled event.</summary>
public class Detail
{
}
