using Course.Sandbox.Time;

namespace Course.Sandbox.Hosting;

/// <summary>
/// Where the continuations of one execution environment's handler code run (TIME_03): each <c>await</c> in handler
/// code captures this context, and when the awaited thing completes the continuation is queued on the simulation's
/// virtual clock at that moment, so invocations and sources interleave in virtual-time order on one thread,
/// deterministically. Continuations posted while the environment is idle wait for its next invocation (on AWS the
/// environment is frozen between invocations); once the environment is reset they are dropped.
/// </summary>
internal sealed class HandlerSynchronizationContext : SynchronizationContext
{
    private readonly VirtualTimeProvider _clock;
    private readonly InvocationScope _scope;
    private readonly Action _onResume;
    private readonly Action<Exception> _onCrash;
    private List<Continuation>? _frozen;

    public HandlerSynchronizationContext(VirtualTimeProvider clock, InvocationScope scope, Action onResume, Action<Exception> onCrash)
    {
        _clock = clock;
        _scope = scope;
        _onResume = onResume;
        _onCrash = onCrash;
    }

    /// <summary>True once the environment is gone: nothing posted runs any more.</summary>
    public bool IsDead { get; private set; }

    /// <summary>Continuations waiting for the environment's next invocation.</summary>
    public int FrozenCount => _frozen?.Count ?? 0;

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        if (IsDead)
        {
            return;
        }
        var continuation = new Continuation(this, d, state);
        if (FreezeWhileIdle(continuation))
        {
            return;
        }
        _clock.Post(_scope.Now, continuation);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Queues what was frozen while the environment was idle, now that an invocation has started.</summary>
    public void Thaw()
    {
        if (_frozen is not { Count: > 0 } frozen)
        {
            return;
        }
        _frozen = null;
        foreach (var continuation in frozen)
        {
            _clock.ScheduleAt(_scope.Now, continuation);
        }
    }

    /// <summary>The environment is shut down: pending and future continuations never run.</summary>
    public void Kill()
    {
        IsDead = true;
        _frozen = null;
    }

    /// <summary>Runs <paramref name="action"/> as handler code of this environment (this context current, its world applied).</summary>
    public void RunInside(SendOrPostCallback action, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            _onResume();
            action(state);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only an async void method's exception reaches here: on AWS it crashes the runtime process.
            _onCrash(e);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>
    /// The frozen rule, for a continuation posted or due while no phase runs: it waits for the environment's next
    /// invocation (<see cref="Thaw"/>), as a frozen environment's code does on AWS. True when it was held back.
    /// </summary>
    private bool FreezeWhileIdle(Continuation continuation)
    {
        if (_scope.IsActive)
        {
            return false;
        }
        (_frozen ??= []).Add(continuation);
        return true;
    }

    private sealed class Continuation(HandlerSynchronizationContext owner, SendOrPostCallback callback, object? state) : ScheduledItem
    {
        public override void Fire()
        {
            if (owner.IsDead || owner.FreezeWhileIdle(this))
            {
                return;
            }
            owner.RunInside(callback, state);
        }
    }
}
