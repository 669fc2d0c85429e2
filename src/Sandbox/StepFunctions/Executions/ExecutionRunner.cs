using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Intrinsics;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// Interprets one execution on the simulation's virtual clock: each state is an async step whose awaits complete when
/// the clock reaches them (a Wait, a Lambda invocation, a retry back-off, a callback), so a one-year Wait costs no
/// real time and the same seed always gives the same history.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>The payload quota of inputs and outputs: 256 KiB (catalogue row SFN_11).</summary>
    public const int MaxPayloadBytes = 262_144;

    /// <summary>The most events one execution's history may hold (catalogue row SFN_11).</summary>
    public const int MaxHistoryEvents = 25_000;

    private readonly Simulation _sim;
    private readonly StepFunctionsService _service;
    private readonly Execution _execution;
    private readonly IntrinsicContext _intrinsics;
    private readonly JsonObject _executionContext;
    private readonly ExecutionFrame _top;

    public ExecutionRunner(Simulation sim, StepFunctionsService service, Execution execution)
    {
        _sim = sim;
        _service = service;
        _execution = execution;
        _intrinsics = new IntrinsicContext(sim.Random);
        _top = new ExecutionFrame(null, 0, new VariableScope());
        _executionContext = new JsonObject
        {
            ["Id"] = execution.Arn,
            ["Input"] = JsonValues.Parse(execution.Input),
            ["Name"] = execution.Name,
            ["RoleArn"] = execution.StateMachine.RoleArn,
            ["StartTime"] = Timestamps.Format(execution.StartDate),
            ["RedriveCount"] = 0,
        };
    }

    private DateTimeOffset Now => _sim.Time.QueueTime;

    /// <summary>Runs the execution to its end (or until aborted by its time limit).</summary>
    public async Task RunAsync()
    {
        Append(_top, "ExecutionStarted", "executionStartedEventDetails", new JsonObject
        {
            ["input"] = _execution.Input,
            ["inputDetails"] = Truncated(),
            ["roleArn"] = _execution.StateMachine.RoleArn,
        }, advance: false);

        var definition = _execution.StateMachine.Definition;
        var limit = definition.TimeoutSeconds is int s ? TimeSpan.FromSeconds(s)
            : _execution.StateMachine.Type == WorkflowType.Express ? TimeSpan.FromMinutes(5) : TimeSpan.FromDays(365);
        // Work that ends exactly at the limit wins: the time-out looks again after what is queued for that instant.
        using var timer = _sim.Time.CreateTimer(_ => _sim.ScheduleAt(Now, TimeOut), null, limit, Timeout.InfiniteTimeSpan);
        try
        {
            var output = await RunMachineAsync(definition, JsonValues.Parse(_execution.Input), _top);
            var text = JsonValues.Text(output);
            Append(_top, "ExecutionSucceeded", "executionSucceededEventDetails", new JsonObject { ["output"] = text, ["outputDetails"] = Truncated() });
            Finish(ExecutionStatus.Succeeded, Now, text, null, null);
        }
        catch (StatesException e) when (_execution.IsRunning)
        {
            var details = new JsonObject();
            if (e.Error is not null)
            {
                details["error"] = e.Error;
            }
            if (e.Cause is not null)
            {
                details["cause"] = e.Cause;
            }
            AppendUnchecked(_top, "ExecutionFailed", "executionFailedEventDetails", details);
            Finish(ExecutionStatus.Failed, Now, null, e.Error, e.Cause);
        }
        catch (FrameAbortedException)
        {
            // The execution stopped (timed out or aborted) while this chain was waiting.
        }
        catch (Exception e) when (_execution.IsRunning && e is not OutOfMemoryException)
        {
            // A defect of the simulator, not of the state machine: say so rather than leave the execution running.
            var cause = $"The simulator failed while running this execution: {e.GetType().Name}: {e.Message}";
            AppendUnchecked(_top, "ExecutionFailed", "executionFailedEventDetails", new JsonObject { ["error"] = "Sandbox.InternalError", ["cause"] = cause });
            Finish(ExecutionStatus.Failed, Now, null, "Sandbox.InternalError", cause);
        }
    }

    /// <summary>Stops the execution with StopExecution: ExecutionAborted.</summary>
    public void Abort(string? error, string? cause)
    {
        if (!_execution.IsRunning)
        {
            return;
        }
        var details = new JsonObject();
        if (error is not null)
        {
            details["error"] = error;
        }
        if (cause is not null)
        {
            details["cause"] = cause;
        }
        AppendUnchecked(_top, "ExecutionAborted", "executionAbortedEventDetails", details);
        _top.Abort();
        Finish(ExecutionStatus.Aborted, Now, null, error, cause);
    }

    private void TimeOut()
    {
        if (!_execution.IsRunning)
        {
            return;
        }
        var cause = _execution.StateMachine.Definition.TimeoutSeconds is int s
            ? $"The execution ran past its TimeoutSeconds ({s} s)."
            : _execution.StateMachine.Type == WorkflowType.Express ? "An Express execution can run for at most 5 minutes." : "A Standard execution can run for at most one year.";
        AppendUnchecked(_top, "ExecutionTimedOut", "executionTimedOutEventDetails", new JsonObject { ["error"] = StatesErrors.Timeout, ["cause"] = cause });
        _top.Abort();
        Finish(ExecutionStatus.TimedOut, Now, null, StatesErrors.Timeout, cause);
    }

    private void Finish(ExecutionStatus status, DateTimeOffset at, string? output, string? error, string? cause)
    {
        if (!_execution.IsRunning)
        {
            return;
        }
        _execution.Stop(status, at, output, error, cause);
        _sim.Trace.Add(at, Observability.TraceKind.StateMachineExecutionStopped, _execution.StateMachine.Name, _execution.Name,
            $"{_execution.StatusText}{(error is null ? "" : $" {error}")} after {_execution.StateTransitions} state transitions, {_execution.History.Count} events",
            duration: at - _execution.StartDate);
    }

    /// <summary>Runs a (sub)machine from StartAt to an End, a Succeed, or an error.</summary>
    private async Task<JsonNode?> RunMachineAsync(StateMachineDefinition machine, JsonNode? input, ExecutionFrame frame)
    {
        var state = machine.States[machine.StartAt];
        while (true)
        {
            frame.ThrowIfAborted();
            var (output, next) = await RunStateAsync(state, input, frame);
            if (next is null)
            {
                return output;
            }
            input = output;
            state = machine.States[next];
        }
    }

    private async Task<(JsonNode? Output, string? Next)> RunStateAsync(StateDefinition state, JsonNode? input, ExecutionFrame frame)
    {
        _execution.StateTransitions++;
        var inputText = JsonValues.Text(input);
        if (inputText.Length > _execution.LargestPayloadBytes)
        {
            _execution.LargestPayloadBytes = JsonValues.Utf8Size(inputText);
        }
        var entered = Append(frame, $"{state.Type}StateEntered", "stateEnteredEventDetails", new JsonObject
        {
            ["name"] = state.Name,
            ["input"] = inputText,
            ["inputDetails"] = Truncated(),
        });
        var run = new StateRun(state, input, frame, entered, Now);
        return state.Type switch
        {
            StateType.Pass => RunPass(run),
            StateType.Choice => RunChoice(run),
            StateType.Wait => await RunWaitAsync(run),
            StateType.Succeed => RunSucceed(run),
            StateType.Fail => RunFail(run),
            StateType.Task => await WithErrorHandlingAsync(run, TaskAttemptAsync),
            StateType.Parallel => await WithErrorHandlingAsync(run, ParallelAttemptAsync),
            _ => await WithErrorHandlingAsync(run, MapAttemptAsync),
        };
    }

    /// <summary>The context object (<c>$$</c>) for a state.</summary>
    private JsonObject Context(StateRun run, string? taskToken = null)
    {
        var ctx = new JsonObject
        {
            ["Execution"] = _executionContext.DeepClone(),
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Timestamps.Format(run.EnteredAt),
                ["Name"] = run.State.Name,
                ["RetryCount"] = run.RetryCount,
            },
            ["StateMachine"] = new JsonObject { ["Id"] = _execution.StateMachine.Arn, ["Name"] = _execution.StateMachine.Name },
        };
        if (taskToken is not null)
        {
            ctx["Task"] = new JsonObject { ["Token"] = taskToken };
        }
        if (run.Frame.MapItem is not null)
        {
            ctx["Map"] = new JsonObject { ["Item"] = run.Frame.MapItem.DeepClone() };
        }
        return ctx;
    }

    private PathScope Scope(StateRun run, JsonNode? input, string? taskToken = null) =>
        new(input, Context(run, taskToken), run.Frame.Variables.Get);

    /// <summary>
    /// Runs input/output processing, turning its errors into AWS's wording: "An error occurred while executing the
    /// state 'X' (entered at the event id #N). …".
    /// </summary>
    private static T Io<T>(StateRun run, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (StatesException e) when (e.Error is StatesErrors.Runtime or StatesErrors.IntrinsicFailure or StatesErrors.ResultPathMatchFailure or StatesErrors.ParameterPathFailure
                                        && e.Cause?.StartsWith("An error occurred", StringComparison.Ordinal) != true)
        {
            throw new StatesException(e.Error, $"An error occurred while executing the state '{run.State.Name}' (entered at the event id #{run.EnteredEventId}). {e.Cause}");
        }
    }

    /// <summary>Checks the 256 KiB quota on a state's output.</summary>
    private static void CheckSize(StateRun run, JsonNode? output)
    {
        var text = JsonValues.Text(output);
        if (text.Length > MaxPayloadBytes / 3 && JsonValues.Utf8Size(text) > MaxPayloadBytes)
        {
            throw new StatesException(StatesErrors.DataLimitExceeded,
                $"The state/task '{run.State.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }

    /// <summary>Writes the state's Exited event (with its assigned variables) and returns its output and next state.</summary>
    private (JsonNode? Output, string? Next) Exit(StateRun run, JsonNode? output, string? next, JsonObject? assigned)
    {
        CheckSize(run, output);
        var details = new JsonObject
        {
            ["name"] = run.State.Name,
            ["output"] = JsonValues.Text(output),
            ["outputDetails"] = Truncated(),
        };
        if (assigned is { Count: > 0 })
        {
            var vars = new JsonObject();
            foreach (var (k, v) in assigned)
            {
                vars[k] = JsonValues.Text(v);
            }
            details["assignedVariables"] = vars;
            details["assignedVariablesDetails"] = Truncated();
        }
        Append(run.Frame, $"{run.State.Type}StateExited", "stateExitedEventDetails", details);
        return (output, next);
    }

    /// <summary>
    /// A Task, Parallel or Map state's result through output processing in AWS's order: ResultSelector, then Assign
    /// (on the selected result), then ResultPath into the state's raw input, then OutputPath.
    /// </summary>
    private (JsonNode? Output, JsonObject? Assigned) ProcessResult(StateRun run, JsonNode? result)
    {
        var s = run.State;
        var selected = s.ResultSelector is null ? result : Io(run, () => DataFlow.ApplyTemplate(s.ResultSelector, Scope(run, result), _intrinsics));
        var assigned = Assign(run, s.Assign, selected);
        var output = Io(run, () => DataFlow.ApplyOutputPath(s.OutputPath, DataFlow.ApplyResultPath(s.ResultPath, run.Input, selected)));
        return (output, assigned);
    }

    /// <summary>Evaluates Assign against <paramref name="input"/> and sets the variables (all read the old values).</summary>
    private JsonObject? Assign(StateRun run, JsonObject? assign, JsonNode? input)
    {
        if (assign is null)
        {
            return null;
        }
        var values = Io(run, () => (JsonObject)DataFlow.ApplyTemplate(assign, Scope(run, input), _intrinsics)!);
        run.Frame.Variables.Set(values);
        return values;
    }

    internal long Append(ExecutionFrame frame, string type, string? detailsName, JsonObject? details, bool advance = true)
    {
        frame.ThrowIfAborted();
        if (_execution.EventCount >= MaxHistoryEvents - 1)
        {
            throw new StatesException(StatesErrors.Runtime,
                $"The execution reached the quota of {MaxHistoryEvents:N0} events in its history. Continue the work in a new execution (states:startExecution) instead of looping.");
        }
        return AppendUnchecked(frame, type, detailsName, details, advance);
    }

    private long AppendUnchecked(ExecutionFrame frame, string type, string? detailsName, JsonObject? details, bool advance = true)
    {
        var e = _execution.Append(Now, frame.LastEventId, type, detailsName, details);
        if (advance)
        {
            frame.LastEventId = e.Id;
        }
        return e.Id;
    }

    private static JsonObject Truncated() => new() { ["truncated"] = false };

    /// <summary>A task that completes after <paramref name="delay"/> of virtual time.</summary>
    private Task DelayAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource();
        _sim.ScheduleAt(Now + delay, () => done.TrySetResult());
        return done.Task;
    }
}
