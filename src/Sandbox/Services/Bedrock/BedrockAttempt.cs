namespace Course.Sandbox.Services.Bedrock;

/// <summary>
/// One call that reached the model service's admission (after the request was found well-formed): answered, throttled,
/// refused for a quota, failed inside, or timed out. <see cref="BedrockService.Usage"/> holds the billed ones; this is
/// the full record checks use to see retries (the same prompt from the same invocation again) and their timing.
/// </summary>
/// <param name="At">The virtual time the call started.</param>
/// <param name="RequestId">The request id of the invocation that made the call, or null outside any invocation.</param>
/// <param name="ModelId">The model id as the caller gave it.</param>
/// <param name="Prompt">The text of the last <c>user</c> turn.</param>
/// <param name="Outcome"><c>Success</c> or Bedrock's error code (<c>ThrottlingException</c>, …).</param>
public sealed record BedrockAttempt(DateTimeOffset At, string? RequestId, string ModelId, string Prompt, string Outcome)
{
    /// <summary>The outcome of an answered call.</summary>
    public const string Success = "Success";
}
