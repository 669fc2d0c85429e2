namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>Metrics of a Converse call (mirrors <c>Amazon.BedrockRuntime.Model.ConverseMetrics</c>).</summary>
public sealed class ConverseMetrics
{
    /// <summary>The call's latency, milliseconds (the sandbox's modelled latency).</summary>
    public long? LatencyMs { get; set; }
}
