namespace Course.Sandbox.Functions;

/// <summary>Lambda's documented limits (catalogue rows LIM_*, CON_*), in one place.</summary>
public static class Limits
{
    /// <summary>Smallest memory setting, MB (LIM_02).</summary>
    public const int MinMemoryMB = 128;

    /// <summary>Largest memory setting, MB (LIM_02).</summary>
    public const int MaxMemoryMB = 10_240;

    /// <summary>Memory at which a function has one full vCPU (LIM_02).</summary>
    public const int MemoryPerVcpuMB = 1_769;

    /// <summary>Most vCPUs a function gets (LIM_02).</summary>
    public const int MaxVcpus = 6;

    /// <summary>Shortest timeout (LIM_01).</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest timeout, 15 minutes (LIM_01).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(900);

    /// <summary>Largest synchronous request and response payload, 6 MB (LIM_03).</summary>
    public const int MaxSyncPayloadBytes = 6 * 1024 * 1024;

    /// <summary>Largest asynchronous request payload, 1 MB since 2025-10 (LIM_04).</summary>
    public const int MaxAsyncPayloadBytes = 1024 * 1024;

    /// <summary>Smallest and largest /tmp, MB (LIM_05).</summary>
    public const int MinEphemeralMB = 512, MaxEphemeralMB = 10_240;

    /// <summary>Total size of environment variables, bytes (LIM_06).</summary>
    public const int MaxEnvironmentBytes = 4 * 1024;

    /// <summary>Largest zipped deployment package, MB (LIM_07).</summary>
    public const double MaxPackageZippedMB = 50;

    /// <summary>The INIT phase limit for on-demand functions (LIM_08).</summary>
    public static readonly TimeSpan InitPhaseLimit = TimeSpan.FromSeconds(10);

    /// <summary>Default account concurrency per region (CON_01).</summary>
    public const int DefaultAccountConcurrency = 1_000;

    /// <summary>Concurrency that must stay unreserved in the account (CON_03).</summary>
    public const int MinUnreservedConcurrency = 100;

    /// <summary>New execution environments a function may add per <see cref="ScalingWindow"/> (CON_02).</summary>
    public const int ScalingEnvironmentsPerWindow = 1_000;

    /// <summary>The scaling window, refilled continuously (CON_02).</summary>
    public static readonly TimeSpan ScalingWindow = TimeSpan.FromSeconds(10);

    /// <summary>Retries of an asynchronous invocation after a function error, at most (ASYNC_01).</summary>
    public const int MaxAsyncRetries = 2;

    /// <summary>Shortest and longest maximum event age (ASYNC_03).</summary>
    public static readonly TimeSpan MinEventAge = TimeSpan.FromSeconds(60), MaxEventAge = TimeSpan.FromHours(6);
}
