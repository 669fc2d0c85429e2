namespace Course.Sandbox.Services.Faults;

/// <summary>The injector's decision for one call: a fault kind (or <see cref="FaultKind.None"/>) and extra latency.</summary>
/// <param name="Kind">The failure to answer with; <see cref="FaultKind.None"/> to run the call.</param>
/// <param name="ExtraLatency">Latency to add to the call's modelled latency (zero for none).</param>
public readonly record struct FaultDecision(FaultKind Kind, TimeSpan ExtraLatency)
{
    /// <summary>No fault and no extra latency.</summary>
    public static FaultDecision None => default;

    /// <summary>Whether the call must fail.</summary>
    public bool Fails => Kind != FaultKind.None;
}
