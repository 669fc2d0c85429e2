using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// A task paused on <c>.waitForTaskToken</c> (catalogue row SFN_12): it completes on SendTaskSuccess (with the output),
/// fails on SendTaskFailure, and fails with <c>States.HeartbeatTimeout</c> when no heartbeat (SendTaskHeartbeat or
/// the success/failure itself) arrives within HeartbeatSeconds.
/// </summary>
internal sealed class TaskTokenWaiter
{
    private readonly TaskCompletionSource<JsonNode?> _done = new();
    private readonly ITimer? _heartbeat;
    private readonly TimeSpan _interval;
    private readonly Simulation _sim;
    private bool _closed;

    public TaskTokenWaiter(Simulation sim, int? heartbeatSeconds, Execution execution)
    {
        _sim = sim;
        Execution = execution;
        if (heartbeatSeconds is int s)
        {
            _interval = TimeSpan.FromSeconds(s);
            _heartbeat = sim.Time.CreateTimer(_ => TimedOut(), null, _interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The execution that waits.</summary>
    public Execution Execution { get; }

    /// <summary>Completes with the output sent by SendTaskSuccess.</summary>
    public Task<JsonNode?> Completion => _done.Task;

    /// <summary>True once the task succeeded, failed or timed out.</summary>
    public bool Closed => _closed;

    /// <summary>
    /// Completes the task. The state machine continues from the simulation's queue, not inside the caller (often a
    /// handler mid-invocation), at the caller's virtual time.
    /// </summary>
    public void Succeed(JsonNode? output)
    {
        if (!Close())
        {
            return;
        }
        _sim.ScheduleAt(_sim.Now, () => _done.TrySetResult(output));
    }

    /// <summary>Fails the task (see <see cref="Succeed"/> for when the state machine continues).</summary>
    public void Fail(StatesException error)
    {
        if (!Close())
        {
            return;
        }
        _sim.ScheduleAt(_sim.Now, () => _done.TrySetException(error));
    }

    private bool Close()
    {
        if (_closed)
        {
            return false;
        }
        _closed = true;
        _heartbeat?.Dispose();
        return true;
    }

    private void TimedOut()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        _done.TrySetException(new StatesException(StatesErrors.HeartbeatTimeout, null));
    }

    /// <summary>Resets the heartbeat clock.</summary>
    public void Beat() => _heartbeat?.Change(_interval, Timeout.InfiniteTimeSpan);
}
