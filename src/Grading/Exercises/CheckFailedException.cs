namespace Course.Grading.Exercises;

/// <summary>
/// Thrown by a check to fail it. The report shows what was observed, what was expected and the next step,
/// e.g. observed "message m-3 was written twice (receives 1 and 2)", expected "one write per message",
/// next "make the write conditional".
/// </summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Fails a check.</summary>
    /// <param name="observed">What the simulation shows happened.</param>
    /// <param name="expected">What should have happened.</param>
    /// <param name="nextStep">What the learner should change next.</param>
    public CheckFailedException(string observed, string expected, string nextStep)
        : base(Format(observed, expected, nextStep))
    {
        Observed = observed;
        Expected = expected;
        NextStep = nextStep;
    }

    /// <summary>Fails a check with a free-form message (prefer the observed/expected/next-step form).</summary>
    /// <param name="message">The message.</param>
    public CheckFailedException(string message) : base(message)
    {
        Observed = message;
        Expected = "";
        NextStep = "";
    }

    /// <summary>Fails a check with a default message.</summary>
    public CheckFailedException() : this("the check failed")
    {
    }

    /// <summary>Fails a check with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public CheckFailedException(string message, Exception inner) : base(message, inner)
    {
        Observed = message;
        Expected = "";
        NextStep = "";
    }

    /// <summary>What the simulation shows happened.</summary>
    public string Observed { get; }

    /// <summary>What should have happened (empty for free-form failures).</summary>
    public string Expected { get; }

    /// <summary>What to change next (empty for free-form failures).</summary>
    public string NextStep { get; }

    private static string Format(string observed, string expected, string nextStep) =>
        $"observed: {observed}\nexpected: {expected}\nnext step: {nextStep}";
}
