namespace Course.Lessons.Site;

/// <summary>One row of the time plan.</summary>
/// <param name="Start">Minutes from the start of the course.</param>
/// <param name="Title">The lesson title, or "Break".</param>
/// <param name="Minutes">Length in minutes.</param>
/// <param name="IsBreak">Whether the slot is a break.</param>
public sealed record TimeSlot(int Start, string Title, int Minutes, bool IsBreak);
