namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// Standard or Express (catalogue row SFN_09). Standard: exactly-once, up to one year, full history, priced per state
/// transition. Express: at-least-once, up to five minutes, priced per request and duration.
/// </summary>
public enum WorkflowType
{
    /// <summary>Standard workflow.</summary>
    Standard,

    /// <summary>Express workflow.</summary>
    Express,
}
