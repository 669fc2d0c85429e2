namespace Course.Grading.Exercises.Model;

/// <summary>The deployed function's configuration: <c>function:</c> in exercise.yaml.</summary>
/// <param name="Name">The function name; defaults to the exercise id.</param>
/// <param name="MemorySize">Memory in MB, 128–10240; default 128 (AWS's default).</param>
/// <param name="TimeoutSeconds">Timeout in seconds, 1–900; default 3 (AWS's default).</param>
/// <param name="Environment">Environment variables; default none.</param>
/// <param name="ReservedConcurrency">Reserved concurrency, or null for unreserved (the default).</param>
public sealed record FunctionSpec(string Name, int MemorySize, int TimeoutSeconds, IReadOnlyDictionary<string, string> Environment, int? ReservedConcurrency);
