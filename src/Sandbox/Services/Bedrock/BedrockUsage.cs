namespace Course.Sandbox.Services.Bedrock;

/// <summary>The tokens one successful model call used, as Bedrock bills them.</summary>
/// <param name="At">The virtual time the call started.</param>
/// <param name="Operation"><c>InvokeModel</c> or <c>Converse</c>.</param>
/// <param name="ModelId">The model id as the caller gave it (with any inference profile prefix).</param>
/// <param name="PriceKey">The model's key on the price sheet (<c>PriceSheet.Bedrock</c>).</param>
/// <param name="InputTokens">Input tokens billed.</param>
/// <param name="OutputTokens">Output tokens billed.</param>
/// <param name="Latency">The call's modelled latency.</param>
public sealed record BedrockUsage(DateTimeOffset At, string Operation, string ModelId, string PriceKey, int InputTokens, int OutputTokens, TimeSpan Latency)
{
    /// <summary>The request id of the invocation that made the call, or null when no invocation was running.</summary>
    public string? RequestId { get; init; }

    /// <summary>The text of the last <c>user</c> turn the model answered (what reached the model: checks judge it).</summary>
    public string Prompt { get; init; } = string.Empty;

    /// <summary>The model's answer.</summary>
    public string Answer { get; init; } = string.Empty;
}
