namespace Course.Sandbox.Observability;

/// <summary>How much a simulation records per invocation (see <see cref="SimulationOptions.Recording"/>).</summary>
public enum RecordingLevel
{
    /// <summary>Every log line and trace entry.</summary>
    Full,

    /// <summary>Only what is not routine: errors, throttles, retries, cold starts; plus every invocation record.</summary>
    Summary,
}
