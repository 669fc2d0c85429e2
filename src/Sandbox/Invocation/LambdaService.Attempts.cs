using Course.Sandbox.Environments;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Time;

namespace Course.Sandbox.Invocation;

// The queue entries of one attempt: the attempt itself (cold start end → run the handler; handler end → complete) and
// the deadline of a handler still running as a task.
public sealed partial class LambdaService
{
    /// <summary>
    /// One attempt of one invocation, from request to result. It is also its own queue entry: scheduled once for the
    /// end of a cold start (then it runs the handler) and once for the end of the handler (then it completes), so an
    /// invocation costs no closures, delegates or queue wrappers. A synchronous <see cref="Invoke"/> hands its run
    /// back for reuse once it has the result.
    /// </summary>
    private sealed class Run(LambdaService service) : ScheduledItem
    {
        public LambdaFunction Function = null!;
        public string RequestId = null!;
        public string Payload = null!;
        public InvocationType Type;
        public int Attempt;
        public DateTimeOffset RequestedAt;
        public ExecutionEnvironment? Environment;
        public TimeSpan? InitDuration;
        public PlatformLogLine? Log;

        // Who waits for the result (the async retry logic, a task, or a synchronous caller reading Result).
        public AsyncEvent? Event;
        public TaskCompletionSource<InvocationResult>? Completion;
        public InvocationResult? Result;

        // What the handler did (set by Execute, read by Complete).
        public bool Executed;
        public bool TimedOut;
        public bool Verbose;
        public DateTimeOffset Start;
        public TimeSpan Duration;
        public string? Response;
        public Exception? Error;

        // The deadline of a handler still running as a task (null once it finished).
        public Deadline? Pending;

        public DateTimeOffset End => Start + Duration;

        public Run Init(LambdaFunction function, string requestId, string payload, InvocationType type, int attempt, DateTimeOffset requestedAt)
        {
            (Function, RequestId, Payload, Type, Attempt, RequestedAt) = (function, requestId, payload, type, attempt, requestedAt);
            return this;
        }

        /// <summary>Forgets everything (for reuse), so a pooled run holds on to nothing.</summary>
        public void Clear()
        {
            Function = null!;
            RequestId = null!;
            Payload = null!;
            Environment = null;
            InitDuration = null;
            Log = null;
            Event = null;
            Completion = null;
            Result = null;
            Executed = TimedOut = Verbose = Cancelled = false;
            Response = null;
            Error = null;
            Pending = null;
        }

        public override void Fire()
        {
            if (Executed)
            {
                service.Complete(this);
            }
            else
            {
                service.Execute(this);
            }
        }
    }

    /// <summary>
    /// The deadline of an invocation whose handler is running as a task: a queue entry at start + timeout, and the
    /// receiver of the handler task's completion. Whichever comes first ends the attempt; the other does nothing.
    /// </summary>
    private sealed class Deadline(LambdaService service, Run run) : ScheduledItem
    {
        private bool _done;

        public override void Fire()
        {
            if (_done)
            {
                return;
            }
            _done = true;
            service.DeadlineReached(run);
        }

        public void HandlerCompleted(Task<string?> task)
        {
            if (!service._sim.Time.IsQueueThread)
            {
                // Handler code escaped to the thread pool: finish on the simulation's thread, at the queue's time.
                service._sim.Time.Post(service._sim.Time.QueueTime, new Time.ScheduledAction(() => HandlerCompleted(task)));
                return;
            }
            if (_done)
            {
                return;
            }
            _done = true;
            Cancelled = true;
            string? response = null;
            Exception? error = null;
            if (task.IsFaulted)
            {
                error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerExceptions[0] : task.Exception;
            }
            else if (task.IsCanceled)
            {
                error = new TaskCanceledException(task);
            }
            else
            {
                response = task.Result;
            }
            service.HandlerDone(run, response, error);
        }
    }

    private sealed class ResponseTooLargeException(int bytes)
        : Exception($"Response payload size ({bytes} bytes) exceeded maximum allowed payload size ({Limits.MaxSyncPayloadBytes} bytes).");
}
