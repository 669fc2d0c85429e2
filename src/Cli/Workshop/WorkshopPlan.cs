using System.Globalization;
using System.Text;
using Course.Cli.Exercises;

namespace Course.Cli.Workshop;

/// <summary>
/// The day's agenda (<c>course workshop plan</c>): each lesson for its front matter's <c>minutes</c>, then its
/// exercises (<c>--exercise-minutes</c> each), with a break of <c>--break</c> minutes whenever
/// <c>--break-every</c> minutes have passed since the last one, from <c>--start</c>. Printed as a Markdown table.
/// </summary>
internal static class WorkshopPlan
{
    /// <summary>One row of the agenda.</summary>
    /// <param name="Start">When it starts.</param>
    /// <param name="Minutes">How long it takes.</param>
    /// <param name="What">What it is.</param>
    internal sealed record Item(TimeOnly Start, int Minutes, string What);

    /// <summary>Builds the agenda.</summary>
    /// <param name="layout">The course.</param>
    /// <param name="start">The start time.</param>
    /// <param name="exerciseMinutes">Minutes per exercise.</param>
    /// <param name="breakEvery">Minutes of work between breaks.</param>
    /// <param name="breakMinutes">Minutes per break.</param>
    /// <returns>The items, breaks included.</returns>
    public static IReadOnlyList<Item> Build(CourseLayout layout, TimeOnly start, int exerciseMinutes, int breakEvery, int breakMinutes)
    {
        var items = new List<Item>();
        var clock = start;
        var sinceBreak = 0;
        var exercises = layout.Exercises();

        void Add(int minutes, string what)
        {
            if (sinceBreak > 0 && sinceBreak + minutes > breakEvery)
            {
                items.Add(new Item(clock, breakMinutes, "Break"));
                clock = clock.AddMinutes(breakMinutes);
                sinceBreak = 0;
            }

            items.Add(new Item(clock, minutes, what));
            clock = clock.AddMinutes(minutes);
            sinceBreak += minutes;
        }

        foreach (var lesson in layout.Lessons())
        {
            Add(LessonMinutes(layout, lesson), $"Lesson {lesson}: {layout.LessonTitle(lesson)}");
            foreach (var exercise in exercises.Where(e => e.Lesson == lesson))
            {
                Add(exerciseMinutes, $"Exercise {exercise.Id}: {exercise.Title} ({Commands.CliName.Grade} {exercise.Number})");
            }
        }

        foreach (var orphan in exercises.Where(e => !layout.Lessons().Contains(e.Lesson)))
        {
            Add(exerciseMinutes, $"Exercise {orphan.Id}: {orphan.Title} ({Commands.CliName.Grade} {orphan.Number})");
        }

        items.Add(new Item(clock, 0, "End"));
        return items;
    }

    /// <summary>Renders the agenda as a Markdown table with the total.</summary>
    /// <param name="items">The agenda.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(IReadOnlyList<Item> items)
    {
        var text = new StringBuilder("| time | minutes | what |\n|---|---:|---|\n");
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {item.Start:HH\\:mm} | {(item.What == "End" ? "" : item.Minutes.ToString(CultureInfo.InvariantCulture))} | {item.What} |\n");
        }

        var work = items.Where(i => i.What != "Break").Sum(i => i.Minutes);
        var breaks = items.Where(i => i.What == "Break").Sum(i => i.Minutes);
        text.Append(CultureInfo.InvariantCulture, $"\n{work} minutes of lessons and exercises, {breaks} minutes of breaks.\n");
        return text.ToString();
    }

    private static int LessonMinutes(CourseLayout layout, string lesson)
    {
        var file = layout.LessonFile(lesson);
        var line = file is null ? null : File.ReadLines(file).Take(20).FirstOrDefault(l => l.StartsWith("minutes:", StringComparison.Ordinal));
        return line is not null && int.TryParse(line["minutes:".Length..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) ? minutes : 30;
    }
}
