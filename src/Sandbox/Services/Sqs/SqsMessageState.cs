namespace Course.Sandbox.Services.Sqs;

/// <summary>Where a stored message is in its life, at the current virtual time.</summary>
public enum SqsMessageState
{
    /// <summary>Receivable now (counts in <c>ApproximateNumberOfMessages</c>).</summary>
    Visible,

    /// <summary>Received and hidden until its visibility timeout ends (<c>ApproximateNumberOfMessagesNotVisible</c>).</summary>
    InFlight,

    /// <summary>Sent with a delay that has not ended yet (<c>ApproximateNumberOfMessagesDelayed</c>).</summary>
    Delayed,
}
