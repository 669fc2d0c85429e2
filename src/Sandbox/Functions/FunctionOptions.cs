namespace Course.Sandbox.Functions;

/// <summary>
/// A function's configuration, as in <c>CreateFunction</c>. Plain and mutable; <see cref="Validate"/> checks it once
/// against <see cref="Limits"/> and the engine then keeps a frozen copy.
/// </summary>
public sealed class FunctionOptions
{
    /// <summary>The function name (1–64 characters: letters, digits, hyphens, underscores). Required.</summary>
    public string FunctionName { get; set; } = "";

    /// <summary>The runtime identifier. <value>The default is <c>dotnet8</c>.</value></summary>
    public string Runtime { get; set; } = LambdaRuntime.DotNet8;

    /// <summary>Memory in MB, 128–10,240 in 1 MB steps; CPU share is proportional (1,769 MB = 1 vCPU). <value>The default is 128 MB.</value></summary>
    public int MemorySize { get; set; } = 128;

    /// <summary>The invocation timeout, 1–900 s in whole seconds. <value>The default is 3 seconds.</value></summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Instruction set. <value>The default is <see cref="Architecture.X86_64"/>.</value></summary>
    public Architecture Architecture { get; set; } = Architecture.X86_64;

    /// <summary>Size of <c>/tmp</c> in MB, 512–10,240. <value>The default is 512 MB.</value></summary>
    public int EphemeralStorageSize { get; set; } = 512;

    /// <summary>Environment variables; keys and values together at most 4 KB. <value>The default is empty.</value></summary>
    public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reserved concurrency: a cap and a guarantee; 0 throttles every invoke. <value>The default is none (unreserved pool).</value></summary>
    public int? ReservedConcurrentExecutions { get; set; }

    /// <summary>Provisioned concurrency: environments initialised ahead of traffic. <value>The default is 0.</value></summary>
    public int ProvisionedConcurrentExecutions { get; set; }

    /// <summary>SnapStart (<c>PublishedVersions</c>): new environments restore a snapshot instead of running INIT. <value>The default is off.</value></summary>
    public bool SnapStart { get; set; }

    /// <summary>Deployment package size in MB (zipped), used by the cold-start model; at most 50 MB. <value>The default is 1 MB.</value></summary>
    public double PackageSizeMB { get; set; } = 1;

    /// <summary>Asynchronous invocation settings (retries, event age, destinations, DLQ).</summary>
    public AsyncInvokeOptions Async { get; set; } = new();

    /// <summary>
    /// Checks every setting against Lambda's limits and returns every violation, in the wording of Lambda's
    /// <c>InvalidParameterValueException</c>; empty when the options are valid.
    /// </summary>
    public IReadOnlyList<string> Validate() => FunctionOptionsValidator.Validate(this);
}
