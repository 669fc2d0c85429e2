namespace Course.Sandbox.Services.Bedrock;

/// <summary>One turn of a conversation sent to a model.</summary>
/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Text">The turn's text (only text content is modelled).</param>
public sealed record BedrockMessage(string Role, string Text)
{
    /// <summary>The role of the person asking.</summary>
    public const string User = "user";

    /// <summary>The role of the model.</summary>
    public const string Assistant = "assistant";
}
