namespace Course.Lessons.Display;

/// <summary>One state entered during an execution: when, for how long, in which Map iteration or Parallel branch, and its task attempts.</summary>
internal sealed class ExecutionRow(string name, string type, string lane, DateTimeOffset start)
{
    /// <summary>The state's name.</summary>
    public string Name { get; } = name;

    /// <summary>The state's type as the history spells it (Task, Map, Parallel, Wait, Choice, Pass, Succeed, Fail).</summary>
    public string Type { get; } = type;

    /// <summary>Where it ran: empty at the top level, else a path such as <c>/Chunks #2</c> or <c>/Fan-out branch 1</c>.</summary>
    public string Lane { get; } = lane;

    /// <summary>How deep it is nested (0 at the top level).</summary>
    public int Depth => Lane.Count(c => c == '/');

    /// <summary>The innermost Map iteration or Parallel branch, or empty at the top level (<c>Chunks #2</c>).</summary>
    public string Scope => Lane.Length == 0 ? string.Empty : Lane[(Lane.LastIndexOf('/') + 1)..];

    /// <summary>The scope without the state's name, since the Map or Parallel row stands above it (<c>#2</c>, <c>branch 1</c>).</summary>
    public string ShortScope => Scope.LastIndexOf(" #", StringComparison.Ordinal) is var i and >= 0 ? Scope[(i + 1)..]
        : Scope.LastIndexOf(" branch ", StringComparison.Ordinal) is var b and >= 0 ? Scope[(b + 1)..] : Scope;

    /// <summary>When the state was entered.</summary>
    public DateTimeOffset Start { get; } = start;

    /// <summary>When it was exited (or failed, or the picture ends).</summary>
    public DateTimeOffset End { get; set; } = start;

    /// <summary>True once the state was exited (also after a Catch).</summary>
    public bool Exited { get; set; }

    /// <summary>True when the state failed (a Map or Parallel that failed, or a state the execution ended in with a failure).</summary>
    public bool Failed { get; set; }

    /// <summary>The task attempts: the first, then one per retry.</summary>
    public List<ExecutionAttempt> Attempts { get; } = [];

    /// <summary><c>succeeded</c>, <c>caught</c> (exited through a Catch), <c>failed</c> or <c>running</c>.</summary>
    public string Outcome => Exited
        ? (Failed || (Attempts.Count > 0 && Attempts[^1].Failed) ? "caught" : "succeeded")
        : Failed ? "failed" : "running";

    /// <summary>The errors of the failed attempts, in order.</summary>
    public IEnumerable<string> Errors => Attempts.Where(a => a.Failed).Select(a => a.Error ?? "error");
}
