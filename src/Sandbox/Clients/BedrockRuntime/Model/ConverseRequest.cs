namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The input of <c>Converse</c> (mirrors <c>Amazon.BedrockRuntime.Model.ConverseRequest</c>).</summary>
public sealed class ConverseRequest
{
    /// <summary>The model id, inference profile id, or ARN.</summary>
    public string? ModelId { get; set; }

    /// <summary>The conversation: starts with a user message and alternates user/assistant. Null until set (as in AWSSDK 4).</summary>
    public List<Message>? Messages { get; set; }

    /// <summary>The system prompt, or null.</summary>
    public List<SystemContentBlock>? System { get; set; }

    /// <summary>Inference parameters (<see cref="InferenceConfiguration.MaxTokens"/>), or null for the defaults.</summary>
    public InferenceConfiguration? InferenceConfig { get; set; }
}
