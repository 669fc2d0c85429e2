using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime;

/// <summary>Why the model stopped generating (mirrors <c>Amazon.BedrockRuntime.StopReason</c>). The sandbox answers
/// <see cref="End_turn"/> or <see cref="Max_tokens"/>.</summary>
public sealed class StopReason : ConstantClass
{
    /// <summary>The answer is complete.</summary>
    public static readonly StopReason End_turn = new("end_turn");

    /// <summary>The answer was cut at the request's token limit.</summary>
    public static readonly StopReason Max_tokens = new("max_tokens");

    /// <summary>A stop sequence was generated.</summary>
    public static readonly StopReason Stop_sequence = new("stop_sequence");

    /// <summary>The model asked to use a tool.</summary>
    public static readonly StopReason Tool_use = new("tool_use");

    /// <summary>A guardrail intervened.</summary>
    public static readonly StopReason Guardrail_intervened = new("guardrail_intervened");

    /// <summary>Content was filtered.</summary>
    public static readonly StopReason Content_filtered = new("content_filtered");

    /// <summary>A constant for a value (use the static fields for the known ones).</summary>
    /// <param name="value">The wire value.</param>
    public StopReason(string value)
        : base(value)
    {
    }

    /// <summary>The constant for <paramref name="value"/>.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The constant.</returns>
    public static StopReason FindValue(string value) => FindValue<StopReason>(value);

    /// <summary>Converts a wire value to its constant.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator StopReason(string value) => FindValue(value);
}
