// Outside an invocation these members stand for the real ones they replace, so the real clock is their fallback.
#pragma warning disable RS0030

namespace Course.Sandbox.Hosting.Runtime;

/// <summary>
/// The clock handler code sees (TIME_01, TIME_02). The grader's compiler rewrites the learner's calls of
/// <c>Thread.Sleep</c>, <c>Task.Delay</c>, <c>Task.Run</c>, <c>DateTime.Now/UtcNow/Today</c>,
/// <c>DateTimeOffset.Now/UtcNow</c>, <c>Environment.TickCount(64)</c> and <c>TimeProvider.System</c> to these members,
/// so they read and spend the simulation's virtual time: a sleep counts in Duration and Billed Duration, lowers
/// <c>RemainingTime</c>, and past the timeout ends the invocation with "Task timed out". Outside an invocation (no
/// simulation on the calling flow) each member behaves as the one it replaces.
/// </summary>
public static class SandboxClock
{
    private static InvocationScope? Scope => InvocationScope.Current;

    /// <summary>The clock as a <see cref="TimeProvider"/> (replaces <c>TimeProvider.System</c>).</summary>
    public static TimeProvider Time => (TimeProvider?)Scope?.Clock ?? TimeProvider.System;

    /// <summary>Replaces <c>DateTimeOffset.UtcNow</c>.</summary>
    public static DateTimeOffset OffsetUtcNow => Time.GetUtcNow();

    /// <summary>Replaces <c>DateTimeOffset.Now</c> (Lambda's time zone is UTC unless TZ is set).</summary>
    public static DateTimeOffset OffsetNow => Time.GetLocalNow();

    /// <summary>Replaces <c>DateTime.UtcNow</c>.</summary>
    public static DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// <summary>Replaces <c>DateTime.Now</c>.</summary>
    public static DateTime Now => DateTime.SpecifyKind(Time.GetLocalNow().DateTime, DateTimeKind.Local);

    /// <summary>Replaces <c>DateTime.Today</c>.</summary>
    public static DateTime Today => Now.Date;

    /// <summary>Replaces <c>Environment.TickCount64</c>: milliseconds since the execution environment started.</summary>
    public static long TickCount64 => Scope?.Environment is { } env
        ? (long)(Scope.Now - env.CreatedAt).TotalMilliseconds
        : System.Environment.TickCount64;

    /// <summary>Replaces <c>Environment.TickCount</c>.</summary>
    public static int TickCount => unchecked((int)TickCount64);

    /// <summary>Replaces <c>Thread.Sleep(int)</c>: spends the time synchronously on the invocation's clock.</summary>
    /// <exception cref="InvocationTimeoutException">The sleep runs past the function's timeout.</exception>
    public static void Sleep(int millisecondsTimeout) => Sleep(TimeSpan.FromMilliseconds(millisecondsTimeout));

    /// <summary>Replaces <c>Thread.Sleep(TimeSpan)</c>.</summary>
    /// <exception cref="InvocationTimeoutException">The sleep runs past the function's timeout.</exception>
    public static void Sleep(TimeSpan timeout)
    {
        if (Scope is { } scope)
        {
            scope.Advance(timeout);
        }
        else if (timeout > TimeSpan.Zero)
        {
            Thread.Sleep(timeout);
        }
    }

    /// <summary>Replaces <c>Task.Delay(int)</c>.</summary>
    public static Task Delay(int millisecondsDelay) => Delay(TimeSpan.FromMilliseconds(millisecondsDelay), CancellationToken.None);

    /// <summary>Replaces <c>Task.Delay(int, CancellationToken)</c>.</summary>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken) => Delay(TimeSpan.FromMilliseconds(millisecondsDelay), cancellationToken);

    /// <summary>Replaces <c>Task.Delay(TimeSpan)</c>.</summary>
    public static Task Delay(TimeSpan delay) => Delay(delay, CancellationToken.None);

    /// <summary>
    /// Replaces <c>Task.Delay(TimeSpan, CancellationToken)</c>: an asynchronous handler yields and resumes when the
    /// virtual clock reaches the end of the delay; a synchronous phase (INIT, a synchronous handler) spends it at once.
    /// </summary>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        var scope = Scope;
        if (scope?.Clock is not { } clock)
        {
            return Task.Delay(delay, cancellationToken);
        }
        if (!scope.CanYield)
        {
            scope.Advance(delay);
            return Task.CompletedTask;
        }
        return Task.Delay(delay, clock, cancellationToken);
    }

    /// <summary>Replaces <c>Task.Run(Action)</c>: the work runs on the simulation's thread, on the virtual clock.</summary>
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run(Action, CancellationToken)</c>.</summary>
    public static Task Run(Action action, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(action, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler);

    /// <summary>Replaces <c>Task.Run(Func&lt;TResult&gt;)</c>.</summary>
    public static Task<TResult> Run<TResult>(Func<TResult> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run(Func&lt;TResult&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler);

    /// <summary>Replaces <c>Task.Run(Func&lt;Task&gt;)</c>.</summary>
    public static Task Run(Func<Task?> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run(Func&lt;Task&gt;, CancellationToken)</c>.</summary>
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => function() ?? Task.CompletedTask, cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler).Unwrap();

    /// <summary>Replaces <c>Task.Run(Func&lt;Task&lt;TResult&gt;&gt;)</c>.</summary>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run(Func&lt;Task&lt;TResult&gt;&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => function() ?? Task.FromResult<TResult>(default!), cancellationToken, TaskCreationOptions.DenyChildAttach, Scheduler).Unwrap();

    /// <summary>Replaces <c>task.Wait()</c>: blocks the handler while the simulation runs until the task completes.</summary>
    public static void Wait(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        Pump(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Replaces <c>task.Result</c> and <c>task.GetAwaiter().GetResult()</c>.</summary>
    public static TResult Result<TResult>(Task<TResult> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        Pump(task);
        return task.GetAwaiter().GetResult();
    }

    // Inside an asynchronous handler, blocking on a task that waits for the virtual clock would wait forever (the
    // clock only moves when this thread runs the simulation): run the simulation here until the task is done.
    private static void Pump(Task task)
    {
        if (task.IsCompleted || Scope is not { Clock: { } clock } scope)
        {
            return;
        }
        clock.RunWhile(() => !task.IsCompleted);
        if (scope.IsAbandoned)
        {
            throw new InvocationTimeoutException(scope.Limit);
        }
    }

    private static TaskScheduler Scheduler =>
        Scope is not null && SynchronizationContext.Current is HandlerSynchronizationContext
            ? TaskScheduler.FromCurrentSynchronizationContext()
            : TaskScheduler.Default;
}
