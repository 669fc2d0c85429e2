namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The input of <c>InvokeModel</c> (mirrors <c>Amazon.BedrockRuntime.Model.InvokeModelRequest</c>).</summary>
public sealed class InvokeModelRequest
{
    /// <summary>The model id, inference profile id, or ARN (e.g. <c>us.anthropic.claude-haiku-4-5-20251001-v1:0</c>).</summary>
    public string? ModelId { get; set; }

    /// <summary>The body in the model's format; for Claude, Anthropic Messages JSON
    /// (<c>anthropic_version</c>, <c>max_tokens</c>, <c>messages</c>). Read from the start of the stream.</summary>
    public MemoryStream? Body { get; set; }

    /// <summary>The MIME type of <see cref="Body"/>. Default (null) means <c>application/json</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The MIME type wanted for the response body. Default (null) means <c>application/json</c>.</summary>
    public string? Accept { get; set; }
}
