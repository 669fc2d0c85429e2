namespace Course.Sandbox.Load;

/// <summary>
/// What a load run sends: a mean rate of requests for a duration, shaped by a <see cref="LoadPattern"/>, each request a
/// synchronous invoke of the same payload. Arrival times are random (a Poisson process, thinned to the pattern) but
/// seeded, so the same profile and seed send the same requests at the same virtual moments.
/// </summary>
public sealed class LoadProfile
{
    /// <summary>Mean requests per second, above 0 and at most 10,000. <value>The default is 10.</value></summary>
    public double RatePerSecond { get; set; } = 10;

    /// <summary>How long requests keep arriving, 1 second to 24 hours. <value>The default is 1 minute.</value></summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shape of the rate over the run. <value>The default is <see cref="LoadPattern.Steady"/>.</value></summary>
    public LoadPattern Pattern { get; set; } = LoadPattern.Steady;

    /// <summary>The event JSON every request carries. <value>The default is <c>{}</c>.</value></summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Seed of the arrival times; null derives one from the simulation's seed. <value>The default is null.</value></summary>
    public int? Seed { get; set; }

    /// <summary>Every problem with the profile, one message each; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(RatePerSecond > 0 && RatePerSecond <= 10_000))
        {
            errors.Add($"rate must be above 0 and at most 10000 requests per second (got {RatePerSecond})");
        }
        if (Duration < TimeSpan.FromSeconds(1) || Duration > TimeSpan.FromHours(24))
        {
            errors.Add($"duration must be between 1 second and 24 hours (got {Duration})");
        }
        if (!Enum.IsDefined(Pattern))
        {
            errors.Add($"unknown pattern {Pattern}");
        }
        if (Payload is null)
        {
            errors.Add("payload must not be null");
        }
        if (RatePerSecond * Duration.TotalSeconds > 2_000_000)
        {
            errors.Add("rate × duration must stay under 2,000,000 requests");
        }
        return errors;
    }

    /// <summary>The arrival rate at <paramref name="elapsed"/> into the run, requests per second.</summary>
    /// <param name="elapsed">Time since the run started.</param>
    /// <returns>The instantaneous rate.</returns>
    public double RateAt(TimeSpan elapsed) => Pattern switch
    {
        LoadPattern.Burst => (elapsed.TotalSeconds % 60) is >= 20 and < 30 ? RatePerSecond * 3.5 : RatePerSecond * 0.5,
        LoadPattern.Diurnal => RatePerSecond * (1 - (0.8 * Math.Cos(2 * Math.PI * elapsed.TotalSeconds / Duration.TotalSeconds))),
        _ => RatePerSecond,
    };

    /// <summary>The highest rate <see cref="RateAt"/> reaches.</summary>
    internal double PeakRate => Pattern switch
    {
        LoadPattern.Burst => RatePerSecond * 3.5,
        LoadPattern.Diurnal => RatePerSecond * 1.8,
        _ => RatePerSecond,
    };
}
