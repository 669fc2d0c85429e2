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

    public TaskTokenWaiter(Simulation sim, int? heartbeatSeconds, Execution execution)
    {
        Execution = execution;
        if (heartbeatSeconds is int s)
        {
            _interval = TimeSpan.FromSeconds(s);
            _heartbeat = sim.Time.CreateTimer(_ => Fail(new StatesException(StatesErrors.HeartbeatTimeout, null)), null, _interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The execution that waits.</summary>
    public Execution Execution { get; }

    /// <summary>Completes with the output sent by SendTaskSuccess.</summary>
    public Task<JsonNode?> Completion => _done.Task;

    /// <summary>True once the task succeeded, failed or timed out.</summary>
    public bool Closed => _done.Task.IsCompleted;

    public void Succeed(JsonNode? output)
    {
        _heartbeat?.Dispose();
        _done.TrySetResult(output);
    }

    public void Fail(StatesException error)
    {
        _heartbeat?.Dispose();
        _done.TrySetException(error);
    }

    public void Beat() => _heartbeat?.Change(_interval, Timeout.InfiniteTimeSpan);
}
