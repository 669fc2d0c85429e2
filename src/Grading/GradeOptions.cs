namespace Course.Grading;

/// <summary>What to grade and how.</summary>
public sealed class GradeOptions
{
    /// <summary>The exercise folder (holds exercise.yaml). Required.</summary>
    public required string ExerciseDirectory { get; init; }

    /// <summary>The learner's handler file; default the exercise's <c>handler.file</c> inside the folder.</summary>
    public string? HandlerFile { get; init; }

    /// <summary>The grading seed; default 1. Same file and seed give byte-identical results.json.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The folder paths in messages are made relative to; default the current directory.</summary>
    public string? DisplayRoot { get; init; }

    /// <summary>Overrides exercise.yaml's wall-clock limit in seconds (tests use short limits); default none.</summary>
    public double? WallClockSeconds { get; init; }

    /// <summary>
    /// Where successful compiles are cached across runs; default <c>$COURSE_GRADE_CACHE</c> or a per-user temp folder.
    /// Set <see cref="UseDiskCache"/> to false to keep the cache in memory only.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>True (the default) to reuse compiles across processes through <see cref="CacheDirectory"/>.</summary>
    public bool UseDiskCache { get; init; } = true;

    /// <summary>Skips the compile-time safety rules so tests can prove the worker contains code that slips past them; default false.</summary>
    internal bool SkipSafetyRules { get; init; }
}
