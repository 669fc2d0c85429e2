namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>Tokens a call used, as billed (mirrors <c>Amazon.BedrockRuntime.Model.TokenUsage</c>).</summary>
public sealed class TokenUsage
{
    /// <summary>Tokens in the request.</summary>
    public int? InputTokens { get; set; }

    /// <summary>Tokens the model generated.</summary>
    public int? OutputTokens { get; set; }

    /// <summary><see cref="InputTokens"/> + <see cref="OutputTokens"/>.</summary>
    public int? TotalTokens { get; set; }
}
