namespace Course.Sandbox.Load;

/// <summary>How a load run's arrival rate changes over the run; every pattern averages the profile's rate.</summary>
public enum LoadPattern
{
    /// <summary>The same rate throughout (a Poisson process).</summary>
    Steady,

    /// <summary>
    /// Quiet most of the time, then a spike: in every minute, 10 seconds at 3.5× the mean rate and 50 seconds at 0.5×
    /// (the first spike starts 20 seconds in).
    /// </summary>
    Burst,

    /// <summary>One "day" compressed into the run: the rate rises from 0.2× the mean to 1.8× at mid-run and falls back.</summary>
    Diurnal,
}
