namespace Course.Sandbox.Services.Bedrock;

/// <summary>Configuration of the sandbox Bedrock, validated when the service is created.</summary>
public sealed class BedrockServiceOptions
{
    /// <summary>The models served.</summary>
    /// <value>The default value is Claude 3.5 Haiku and Claude Haiku 4.5 with their defaults.</value>
    public IList<BedrockModel> Models { get; init; } = [BedrockModel.Claude35Haiku, BedrockModel.ClaudeHaiku45];

    /// <summary>
    /// Spread of the modelled latency, as a fraction: each successful call's latency is multiplied by a factor drawn
    /// uniformly from [1 − jitter, 1 + jitter] with the simulation's seeded random (so a seed replays the same latencies).
    /// </summary>
    /// <value>The default value is 0 (every call of the same size takes the same time).</value>
    public double LatencyJitter { get; init; }

    /// <summary>The latency of a call Bedrock rejects (validation error, throttling) before running the model.</summary>
    /// <value>The default value is 20 ms.</value>
    public TimeSpan RejectionLatency { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a model may take before Bedrock answers <c>ModelTimeoutException</c>.</summary>
    /// <value>The default value is 60 minutes (the InvokeModel and Converse limit AWS documents).</value>
    public TimeSpan ModelTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The region, used in inference profile ARNs.</summary>
    /// <value>The default value is <c>us-east-1</c>.</value>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Checks the options; throws with a message naming the field and the fix.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a model is listed twice.</exception>
    public void Validate()
    {
        if (Models is null || Models.Count == 0)
            throw new ArgumentException("BedrockServiceOptions.Models must list at least one model.", nameof(Models));
        if (LatencyJitter is < 0 or >= 1 || double.IsNaN(LatencyJitter))
            throw new ArgumentException($"BedrockServiceOptions.LatencyJitter must be at least 0 and below 1; it is {LatencyJitter}.", nameof(LatencyJitter));
        if (RejectionLatency < TimeSpan.Zero)
            throw new ArgumentException("BedrockServiceOptions.RejectionLatency cannot be negative.", nameof(RejectionLatency));
        if (ModelTimeout <= TimeSpan.Zero)
            throw new ArgumentException("BedrockServiceOptions.ModelTimeout must be positive.", nameof(ModelTimeout));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Models)
        {
            if (m is null) throw new ArgumentException("BedrockServiceOptions.Models contains a null entry.", nameof(Models));
            var where = $"Model '{m.ModelId}'";
            if (!seen.Add(m.ModelId)) throw new ArgumentException($"{where} is listed twice in BedrockServiceOptions.Models.", nameof(Models));
            if (m.MaxOutputTokens < 1) throw new ArgumentException($"{where}: MaxOutputTokens must be at least 1; it is {m.MaxOutputTokens}.", nameof(Models));
            if (m.DefaultMaxTokens < 1 || m.DefaultMaxTokens > m.MaxOutputTokens)
                throw new ArgumentException($"{where}: DefaultMaxTokens must be between 1 and MaxOutputTokens ({m.MaxOutputTokens}); it is {m.DefaultMaxTokens}.", nameof(Models));
            if (m.RequestsPerMinute < 1) throw new ArgumentException($"{where}: RequestsPerMinute must be at least 1; it is {m.RequestsPerMinute}.", nameof(Models));
            if (m.TokensPerMinute < 1) throw new ArgumentException($"{where}: TokensPerMinute must be at least 1; it is {m.TokensPerMinute}.", nameof(Models));
            if (m.OutputTokenBurndownRate < 1) throw new ArgumentException($"{where}: OutputTokenBurndownRate must be at least 1; it is {m.OutputTokenBurndownRate}.", nameof(Models));
            if (m.TimeToFirstToken < TimeSpan.Zero || m.PerOutputToken < TimeSpan.Zero)
                throw new ArgumentException($"{where}: TimeToFirstToken and PerOutputToken cannot be negative.", nameof(Models));
        }
    }
}
