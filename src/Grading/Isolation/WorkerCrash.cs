namespace Course.Grading.Isolation;

/// <summary>An unhandled exception the worker saw just before the runtime terminated it.</summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="Message">Its message.</param>
/// <param name="Location">The first learner stack frame ("at Type.Method() in file:line"), or empty.</param>
internal sealed record WorkerCrash(string Type, string Message, string Location);
