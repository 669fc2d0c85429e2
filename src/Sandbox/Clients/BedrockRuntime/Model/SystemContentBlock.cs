namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>One piece of the system prompt (mirrors <c>Amazon.BedrockRuntime.Model.SystemContentBlock</c>); text only.</summary>
public sealed class SystemContentBlock
{
    /// <summary>The text.</summary>
    public string? Text { get; set; }
}
