using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The output of <c>Converse</c> (mirrors <c>Amazon.BedrockRuntime.Model.ConverseResponse</c>).</summary>
public sealed class ConverseResponse : AmazonWebServiceResponse
{
    /// <summary>The model's message.</summary>
    public ConverseOutput? Output { get; set; }

    /// <summary>Why the model stopped.</summary>
    public StopReason? StopReason { get; set; }

    /// <summary>Tokens used.</summary>
    public TokenUsage? Usage { get; set; }

    /// <summary>Latency.</summary>
    public ConverseMetrics? Metrics { get; set; }
}
