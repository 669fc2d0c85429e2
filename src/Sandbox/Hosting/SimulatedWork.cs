using Course.Sandbox.Functions;


namespace Course.Sandbox.Hosting;

/// <summary>
/// Declares CPU work inside a handler, for lessons and exercises that need a handler to "take" time on the
/// virtual clock. Work is scaled by the function's CPU share: <c>cpuTime</c> at 1 vCPU (1,769 MB) takes
/// <c>cpuTime × 1769 / memory</c> below that, and never less than <c>cpuTime</c> (single-threaded work gains
/// nothing from more than one vCPU).
/// </summary>
public static class SimulatedWork
{
    /// <summary>Spends <paramref name="cpuTime"/> of single-threaded CPU time; returns the modelled wall time it took.</summary>
    public static TimeSpan Spend(TimeSpan cpuTime)
    {
        var scope = InvocationScope.Current;
        if (scope is null)
        {
            return cpuTime;
        }
        var wall = ScaleForMemory(cpuTime, scope.MemorySize);
        scope.Advance(wall);
        return wall;
    }

    /// <summary>Spends <paramref name="milliseconds"/> of CPU time (see <see cref="Spend(TimeSpan)"/>).</summary>
    public static TimeSpan Spend(double milliseconds) => Spend(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>The wall time <paramref name="cpuTime"/> of single-threaded work takes at <paramref name="memoryMB"/>.</summary>
    public static TimeSpan ScaleForMemory(TimeSpan cpuTime, int memoryMB)
    {
        var factor = Math.Max(1.0, (double)Limits.MemoryPerVcpuMB / memoryMB);
        return TimeSpan.FromTicks((long)Math.Round(cpuTime.Ticks * factor));
    }
}
