namespace Course.Sandbox.Services.EventBridge.Schedules;

/// <summary>
/// Thrown when a schedule expression is not valid. The message starts like AWS's
/// (<c>Parameter ScheduleExpression is not valid.</c>), then says what is wrong and shows a valid form.
/// </summary>
public sealed class InvalidScheduleExpressionException : Exception
{
    /// <summary>Creates the exception for <paramref name="expression"/>.</summary>
    /// <param name="expression">The expression as given.</param>
    /// <param name="reason">What is wrong and how to fix it.</param>
    public InvalidScheduleExpressionException(string expression, string reason)
        : base($"Parameter ScheduleExpression is not valid. \"{expression}\": {reason}")
    {
        Expression = expression;
        Reason = reason;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
