namespace Course.Grading.Exercises.Model;

/// <summary>The trigger wiring: <c>trigger:</c> in exercise.yaml.</summary>
/// <param name="Kind">The trigger kind; default <see cref="TriggerKind.Direct"/>.</param>
/// <param name="Settings">Kind-specific settings as strings (e.g. <c>route</c>, <c>queue</c>, <c>batchSize</c>, <c>maxReceiveCount</c>); default none.</param>
/// <param name="LearnerSettingsFile">
/// <c>trigger.learnerSettings</c>: the name of a YAML file beside the graded handler (e.g. <c>mapping.yaml</c>) in which
/// the learner sets some of <paramref name="Settings"/>, as they would in a SAM template; null when the exercise has
/// none. See <see cref="LearnerSettings"/>.
/// </param>
public sealed record TriggerSpec(TriggerKind Kind, IReadOnlyDictionary<string, string> Settings, string? LearnerSettingsFile = null);
