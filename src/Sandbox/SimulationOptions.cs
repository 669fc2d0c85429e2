using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Observability;

namespace Course.Sandbox;

/// <summary>Settings of a <see cref="Simulation"/>; every default is what an unconfigured AWS account in us-east-1 has.</summary>
public sealed class SimulationOptions
{
    /// <summary>The seed of every random choice (request ids, jitter, fault injection). <value>The default is 1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>The virtual time the simulation starts at. <value>The default is 2026-01-01T00:00:00Z.</value></summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The region. <value>The default is <c>us-east-1</c>.</value></summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id in ARNs. <value>The default is <c>123456789012</c>.</value></summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>Account concurrency limit for the region (CON_01). <value>The default is 1,000.</value></summary>
    public int AccountConcurrency { get; set; } = Limits.DefaultAccountConcurrency;

    /// <summary>
    /// How long an idle environment is kept before it is shut down. AWS does not document this; observations range
    /// from about 5 to 60 minutes (ENV_03). <value>The default is 15 minutes.</value>
    /// </summary>
    public TimeSpan EnvironmentIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The cold-start model. <value>The default is <see cref="ColdStartModel.Default"/>.</value></summary>
    public ColdStartModel ColdStart { get; set; } = ColdStartModel.Default;

    /// <summary>
    /// Whether the engine sets the process's environment variables (AWS_REGION, the function's variables, ...) around
    /// each INIT and invocation, as Lambda does. Needed for SDK clients created with no arguments; turn off when
    /// several simulations run in parallel in one process and no handler reads them. <value>The default is true.</value>
    /// </summary>
    public bool ApplyEnvironmentVariables { get; set; } = true;

    /// <summary>Where environments' /tmp folders are created (null: <c>COURSE_SCRATCH</c> or the machine's temp folder). <value>The default is null.</value></summary>
    public string? ScratchRoot { get; set; }

    /// <summary>
    /// Probability (0–1) that Lambda delivers an asynchronous event twice, which AWS warns can happen (ASYNC_06).
    /// Both deliveries carry the same request id. <value>The default is 0.</value>
    /// </summary>
    public double AsyncDuplicateDeliveryRate { get; set; }

    /// <summary>
    /// How much the engine records per invocation. <see cref="RecordingLevel.Full"/> keeps every log line and trace entry;
    /// <see cref="RecordingLevel.Summary"/> skips the START/END/REPORT lines and start/end trace entries of successful
    /// invocations (errors, throttles, retries, cold starts and every <see cref="Invocation.InvocationRecord"/> are still
    /// kept) for long, high-volume simulations. <value>The default is <see cref="RecordingLevel.Full"/>.</value>
    /// </summary>
    public RecordingLevel Recording { get; set; } = RecordingLevel.Full;
}
