namespace Course.Sandbox.Services.Bedrock;

/// <summary>What the sandbox model answered to one request.</summary>
/// <param name="Id">The message id (<c>msg_bdrk_…</c>, drawn from the simulation's seed).</param>
/// <param name="Model">The model that answered.</param>
/// <param name="Text">The answer.</param>
/// <param name="StopReason"><c>end_turn</c> when the answer is complete, <c>max_tokens</c> when it was cut at the request's limit.</param>
/// <param name="InputTokens">Tokens in the request (see <see cref="TokenCounter"/>).</param>
/// <param name="OutputTokens">Tokens in <paramref name="Text"/>.</param>
/// <param name="Latency">Modelled latency: time to first token plus the time to generate each output token (plus any injected latency).</param>
public sealed record BedrockCompletion(string Id, BedrockModel Model, string Text, string StopReason, int InputTokens, int OutputTokens, TimeSpan Latency)
{
    /// <summary>The stop reason of a complete answer.</summary>
    public const string EndTurn = "end_turn";

    /// <summary>The stop reason of an answer cut at the request's token limit.</summary>
    public const string MaxTokens = "max_tokens";
}
