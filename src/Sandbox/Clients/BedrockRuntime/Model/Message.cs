namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>One turn of a conversation (mirrors <c>Amazon.BedrockRuntime.Model.Message</c>).</summary>
public sealed class Message
{
    /// <summary>Who wrote it: <see cref="ConversationRole.User"/> or <see cref="ConversationRole.Assistant"/>.</summary>
    public ConversationRole? Role { get; set; }

    /// <summary>The content. Null until set (as in AWSSDK 4).</summary>
    public List<ContentBlock>? Content { get; set; }
}
