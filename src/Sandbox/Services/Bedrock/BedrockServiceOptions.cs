namespace Course.Sandbox.Services.Bedrock;

/// <summary>Configuration of the sandbox Bedrock, validated when the service is created.</summary>
public sealed class BedrockServiceOptions
{
    /// <summary>The models served.</summary>
    /// <value>The default value is Claude Haiku 4.5 and Claude Sonnet 4.5 with their defaults.</value>
    public IList<BedrockModel> Models { get; init; } = [BedrockModel.ClaudeHaiku45, BedrockModel.ClaudeSonnet45];

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

    /// <summary>Checks the options; throws once, listing every problem with the field it concerns.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a model is listed twice.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Models is null || Models.Count == 0)
        {
            errors.Add("Models must list at least one model.");
        }
        if (LatencyJitter is < 0 or >= 1 || double.IsNaN(LatencyJitter))
        {
            errors.Add($"LatencyJitter must be at least 0 and below 1; it is {LatencyJitter}.");
        }
        if (RejectionLatency < TimeSpan.Zero)
        {
            errors.Add($"RejectionLatency cannot be negative; it is {RejectionLatency}.");
        }
        if (ModelTimeout <= TimeSpan.Zero)
        {
            errors.Add($"ModelTimeout must be positive; it is {ModelTimeout}.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Models ?? [])
        {
            if (m is null)
            {
                errors.Add("Models contains a null entry.");
                continue;
            }

            var where = $"Model '{m.ModelId}':";
            if (!seen.Add(m.ModelId))
            {
                errors.Add($"{where} listed twice.");
            }
            if (m.MaxOutputTokens < 1)
            {
                errors.Add($"{where} MaxOutputTokens must be at least 1; it is {m.MaxOutputTokens}.");
            }
            if (m.DefaultMaxTokens < 1 || m.DefaultMaxTokens > m.MaxOutputTokens)
            {
                errors.Add($"{where} DefaultMaxTokens must be between 1 and MaxOutputTokens ({m.MaxOutputTokens}); it is {m.DefaultMaxTokens}.");
            }
            if (m.RequestsPerMinute < 1)
            {
                errors.Add($"{where} RequestsPerMinute must be at least 1; it is {m.RequestsPerMinute}.");
            }
            if (m.TokensPerMinute < 1)
            {
                errors.Add($"{where} TokensPerMinute must be at least 1; it is {m.TokensPerMinute}.");
            }
            if (m.ContextWindow < 1)
            {
                errors.Add($"{where} ContextWindow must be at least 1; it is {m.ContextWindow}.");
            }
            if (m.TokensPerDay is < 1)
            {
                errors.Add($"{where} TokensPerDay must be at least 1 (or null for none); it is {m.TokensPerDay}.");
            }
            if (m.OutputTokenBurndownRate < 1)
            {
                errors.Add($"{where} OutputTokenBurndownRate must be at least 1; it is {m.OutputTokenBurndownRate}.");
            }
            if (m.TimeToFirstToken < TimeSpan.Zero || m.PerOutputToken < TimeSpan.Zero)
            {
                errors.Add($"{where} TimeToFirstToken and PerOutputToken cannot be negative.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid BedrockServiceOptions:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }
    }
}
