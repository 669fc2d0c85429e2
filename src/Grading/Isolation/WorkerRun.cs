namespace Course.Grading.Isolation;

/// <summary>Everything the grader learned from one worker process.</summary>
internal sealed class WorkerRun
{
    public Dictionary<string, CheckOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

    public Reports.RunSummary? Summary { get; set; }

    /// <summary>The check the worker announced last (the one running if the worker died).</summary>
    public string? CurrentCheck { get; set; }

    public bool Ended { get; set; }

    /// <summary>The worker ran the checks a preparation line had loaded (it was prepared while the grader compiled).</summary>
    public bool Prepared { get; set; }

    public bool TimedOut { get; set; }

    public int? ExitCode { get; set; }

    public WorkerCrash? Crash { get; set; }

    public string? Fatal { get; set; }

    public string Stderr { get; set; } = "";

    /// <summary>Real elapsed milliseconds (never part of results.json).</summary>
    public double ElapsedMilliseconds { get; set; }
}
