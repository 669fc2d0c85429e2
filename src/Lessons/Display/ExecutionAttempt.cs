namespace Course.Lessons.Display;

/// <summary>One attempt of a Task state: from its Scheduled event to its Succeeded, Failed or TimedOut event.</summary>
internal sealed class ExecutionAttempt
{
    /// <summary>When it was scheduled.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>When it ended, or null while it runs.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>True when it failed or timed out.</summary>
    public bool Failed { get; set; }

    /// <summary>The error name of a failed attempt.</summary>
    public string? Error { get; set; }
}
