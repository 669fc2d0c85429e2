using System.Globalization;
using Course.Lessons.Content;

namespace Course.Lessons.Site;

/// <summary>Lays lessons end to end, with a 15-minute break once 90 or more minutes have been taught since the last one.</summary>
public static class TimePlan
{
    /// <summary>Teaching minutes after which a break is inserted. Default 90.</summary>
    public const int BreakAfter = 90;

    /// <summary>Length of a break in minutes. Default 15.</summary>
    public const int BreakMinutes = 15;

    /// <summary>The slots for the lessons in order; never ends with a break.</summary>
    /// <param name="lessons">The lessons in course order.</param>
    /// <returns>The time plan.</returns>
    public static IReadOnlyList<TimeSlot> For(IReadOnlyList<Lesson> lessons)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        var slots = new List<TimeSlot>();
        var clock = 0;
        var sinceBreak = 0;
        for (var i = 0; i < lessons.Count; i++)
        {
            var minutes = lessons[i].FrontMatter.Minutes;
            slots.Add(new TimeSlot(clock, lessons[i].FrontMatter.Title, minutes, false));
            clock += minutes;
            sinceBreak += minutes;
            if (sinceBreak >= BreakAfter && i + 1 < lessons.Count)
            {
                slots.Add(new TimeSlot(clock, "Break", BreakMinutes, true));
                clock += BreakMinutes;
                sinceBreak = 0;
            }
        }

        return slots;
    }

    /// <summary>Formats minutes from the start as <c>h:mm</c>.</summary>
    /// <param name="minutes">Minutes from the start.</param>
    /// <returns>For example <c>1:45</c>.</returns>
    public static string Format(int minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");
}
