namespace Course.Lessons.Site;

/// <summary>What a site build wrote.</summary>
/// <param name="OutputDirectory">The full path of the output folder.</param>
/// <param name="Files">Every file written, relative to the output folder, with '/' separators, sorted.</param>
/// <param name="LessonCount">Number of lesson pages.</param>
/// <param name="ExerciseCount">Number of exercise pages.</param>
public sealed record SiteBuildResult(string OutputDirectory, IReadOnlyList<string> Files, int LessonCount, int ExerciseCount);
