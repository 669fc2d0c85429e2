namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>One piece of a message's content (mirrors <c>Amazon.BedrockRuntime.Model.ContentBlock</c>); the sandbox models text only.</summary>
public sealed class ContentBlock
{
    /// <summary>The text.</summary>
    public string? Text { get; set; }
}
