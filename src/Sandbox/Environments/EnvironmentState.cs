namespace Course.Sandbox.Environments;

/// <summary>Where an execution environment is in its lifecycle (ENV_01).</summary>
public enum EnvironmentState
{
    /// <summary>Running INIT (or a SnapStart restore).</summary>
    Initializing,
    /// <summary>Warm and free for the next invocation.</summary>
    Idle,
    /// <summary>Running an invocation.</summary>
    Busy,
    /// <summary>Shut down; never used again.</summary>
    Shutdown,
}
