namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>What a Converse call produced (mirrors <c>Amazon.BedrockRuntime.Model.ConverseOutput</c>).</summary>
public sealed class ConverseOutput
{
    /// <summary>The model's message (role <c>assistant</c>).</summary>
    public Message? Message { get; set; }
}
