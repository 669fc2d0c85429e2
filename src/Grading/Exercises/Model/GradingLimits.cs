namespace Course.Grading.Exercises.Model;

/// <summary>Limits on the worker process that runs learner code: <c>limits:</c> in exercise.yaml.</summary>
/// <param name="WallClockSeconds">Real (not virtual) seconds before the worker's whole process tree is killed; default 10.</param>
/// <param name="MemoryMb">The worker's GC heap hard limit in MB; default 256.</param>
public sealed record GradingLimits(double WallClockSeconds = 10, int MemoryMb = 256);
