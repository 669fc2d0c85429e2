namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>Inference parameters of a Converse request (mirrors <c>Amazon.BedrockRuntime.Model.InferenceConfiguration</c>).</summary>
public sealed class InferenceConfiguration
{
    /// <summary>The most tokens the answer may have, 1 to the model's maximum. Null: the model's default (4,096 in the sandbox).</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Sampling temperature. Accepted and ignored: the sandbox model is deterministic.</summary>
    public float? Temperature { get; set; }

    /// <summary>Nucleus sampling. Accepted and ignored: the sandbox model is deterministic.</summary>
    public float? TopP { get; set; }

    /// <summary>Stop sequences. Accepted and ignored by the sandbox.</summary>
    public List<string>? StopSequences { get; set; }
}
