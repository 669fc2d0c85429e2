namespace Course.Cli.Workshop;

/// <summary>A submission that cannot be opened (its message says why); it is recorded and the batch goes on.</summary>
internal sealed class SubmissionException(string message) : Exception(message);
