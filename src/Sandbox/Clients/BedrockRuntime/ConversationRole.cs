using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime;

/// <summary>Who wrote a message (mirrors <c>Amazon.BedrockRuntime.ConversationRole</c>).</summary>
public sealed class ConversationRole : ConstantClass
{
    /// <summary>The person asking.</summary>
    public static readonly ConversationRole User = new("user");

    /// <summary>The model.</summary>
    public static readonly ConversationRole Assistant = new("assistant");

    /// <summary>A constant for a value (use the static fields for the known ones).</summary>
    /// <param name="value">The wire value.</param>
    public ConversationRole(string value)
        : base(value)
    {
    }

    /// <summary>The constant for <paramref name="value"/>.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The constant.</returns>
    public static ConversationRole FindValue(string value) => FindValue<ConversationRole>(value);

    /// <summary>Converts a wire value to its constant.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator ConversationRole(string value) => FindValue(value);
}
