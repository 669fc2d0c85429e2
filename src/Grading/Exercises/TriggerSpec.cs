namespace Course.Grading.Exercises;

/// <summary>The trigger wiring: <c>trigger:</c> in exercise.yaml.</summary>
/// <param name="Kind">The trigger kind; default <see cref="TriggerKind.Direct"/>.</param>
/// <param name="Settings">Kind-specific settings as strings (e.g. <c>route</c>, <c>queue</c>, <c>batchSize</c>, <c>maxReceiveCount</c>); default none.</param>
public sealed record TriggerSpec(TriggerKind Kind, IReadOnlyDictionary<string, string> Settings);
