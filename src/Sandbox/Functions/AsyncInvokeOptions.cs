namespace Course.Sandbox.Functions;

/// <summary>
/// How Lambda handles asynchronous (<c>Event</c>) invocations of a function, as in <c>PutFunctionEventInvokeConfig</c>
/// plus the function's dead-letter config.
/// </summary>
public sealed class AsyncInvokeOptions
{
    /// <summary>Retries after a function error, 0–2. <value>The default is 2.</value></summary>
    public int MaximumRetryAttempts { get; set; } = 2;

    /// <summary>How long an event may wait in the queue, 60 s – 6 h. <value>The default is 6 hours.</value></summary>
    public TimeSpan MaximumEventAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Where the invocation record goes on success. <value>The default is none.</value></summary>
    public IAsyncTarget? OnSuccess { get; set; }

    /// <summary>Where the invocation record goes when retries are exhausted or the event expires. <value>The default is none.</value></summary>
    public IAsyncTarget? OnFailure { get; set; }

    /// <summary>Dead-letter queue (SQS queue or SNS topic): receives the event body only. <value>The default is none.</value></summary>
    public IAsyncTarget? DeadLetter { get; set; }
}
