using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.History;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// The simulated Step Functions service of one account and region: creates state machines (validated as AWS does),
/// starts executions that run on the virtual clock against the simulation's functions and services, answers
/// DescribeExecution and GetExecutionHistory, and takes task-token callbacks. Reach it as <c>sim.StepFunctions</c>.
/// </summary>
public sealed class StepFunctionsService
{
    private readonly Simulation _sim;
    private readonly Dictionary<string, StateMachine> _machines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Execution> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<Execution, ExecutionRunner> _runners = [];
    private readonly Dictionary<string, TaskTokenWaiter> _tokens = new(StringComparer.Ordinal);
    private readonly List<Execution> _order = [];

    internal StepFunctionsService(Simulation sim) => _sim = sim;

    /// <summary>The state machines, by ARN.</summary>
    public IReadOnlyDictionary<string, StateMachine> StateMachines => _machines;

    /// <summary>Every execution, in the order they started.</summary>
    public IReadOnlyList<Execution> Executions => _order;

    /// <summary>How many iterations an inline Map runs at once at most (catalogue row SFN_08: AWS documents up to 40 concurrent iterations in inline mode). <value>The default value is 40.</value></summary>
    public int InlineMapConcurrency { get; set; } = 40;

    /// <summary>Creates a state machine (CreateStateMachine).</summary>
    /// <exception cref="InvalidDefinitionException">The definition is invalid.</exception>
    /// <exception cref="StepFunctionsException"><c>StateMachineAlreadyExists</c> or <c>InvalidName</c>.</exception>
    public StateMachine CreateStateMachine(string name, string definition, WorkflowType type = WorkflowType.Standard)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(definition);
        if (name.Length is 0 or > 80 || name.Any(c => c is ' ' or '<' or '>' or '{' or '}' or '[' or ']' or '?' or '*' or '"' or '#' or '%' or '\\' or '^' or '|' or '~' or '`' or '$' or '&' or ',' or ';' or ':' or '/' || char.IsControl(c)))
        {
            throw new StepFunctionsException("InvalidName", $"Invalid Name: '{name}'");
        }
        var parsed = StateMachineDefinition.Parse(definition);
        var violations = (type == WorkflowType.Express ? ExpressViolations(parsed, "/States") : ExpressChildViolations(parsed, "/States")).ToList();
        if (violations.Count > 0)
        {
            throw new InvalidDefinitionException(violations);
        }
        var arn = $"arn:aws:states:{_sim.Options.Region}:{_sim.Options.AccountId}:stateMachine:{name}";
        if (_machines.ContainsKey(arn))
        {
            throw new StepFunctionsException("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");
        }
        var machine = new StateMachine(name, arn, type, parsed, definition)
        {
            RoleArn = $"arn:aws:iam::{_sim.Options.AccountId}:role/StepFunctions-{name}-role",
        };
        _machines.Add(arn, machine);
        return machine;
    }

    /// <summary>Starts an execution (StartExecution); it runs as the simulation runs.</summary>
    /// <param name="stateMachine">The state machine's ARN or name.</param>
    /// <param name="input">The input JSON; default <c>{}</c>.</param>
    /// <param name="name">The execution's name; default a seeded UUID.</param>
    /// <exception cref="StepFunctionsException"><c>StateMachineDoesNotExist</c>, <c>InvalidExecutionInput</c>, <c>ExecutionAlreadyExists</c>.</exception>
    public Execution StartExecution(string stateMachine, string? input = null, string? name = null)
    {
        var machine = Find(stateMachine);
        input ??= "{}";
        try
        {
            using var _ = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw new StepFunctionsException("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{e.Message}'");
        }
        if (JsonValues.Utf8Size(input) > ExecutionRunner.MaxPayloadBytes)
        {
            throw new StepFunctionsException("InvalidExecutionInput", $"The input is larger than the quota of {ExecutionRunner.MaxPayloadBytes} bytes (256 KiB).");
        }
        return Launch(machine, name ?? _sim.NewRequestId(), input);
    }

    /// <summary>
    /// The state machine a distributed Map's child workflow executions run (catalogue row SFN_13): the ItemProcessor as
    /// its own machine named <c>&lt;parent&gt;/&lt;Label or state name&gt;</c>, of the ProcessorConfig's ExecutionType.
    /// </summary>
    internal StateMachine ChildStateMachine(Execution parent, string label, StateMachineDefinition processor, WorkflowType type)
    {
        var name = $"{parent.StateMachine.Name}/{label}";
        return new StateMachine(name, $"arn:aws:states:{_sim.Options.Region}:{_sim.Options.AccountId}:stateMachine:{name}", type, processor, "")
        {
            RoleArn = parent.StateMachine.RoleArn,
        };
    }

    /// <summary>Starts one child workflow execution of a distributed Map; it counts in the parent's <see cref="Execution.ChildExecutions"/>.</summary>
    internal Execution StartChildExecution(Execution parent, StateMachine machine, string input)
    {
        var child = Launch(machine, _sim.NewRequestId(), input);
        parent.AddChild(child);
        return child;
    }

    private Execution Launch(StateMachine machine, string name, string input)
    {
        var kind = machine.Type == WorkflowType.Express ? "express" : "execution";
        var arn = $"arn:aws:states:{_sim.Options.Region}:{_sim.Options.AccountId}:{kind}:{machine.Name}:{name}";
        if (_executions.ContainsKey(arn))
        {
            throw new StepFunctionsException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
        }
        var execution = new Execution(machine, name, arn, input, _sim.Time.QueueTime);
        _executions.Add(arn, execution);
        _order.Add(execution);
        var runner = new ExecutionRunner(_sim, this, execution);
        _runners.Add(execution, runner);
        _sim.Trace.Add(_sim.Time.QueueTime, Observability.TraceKind.StateMachineExecutionStarted, machine.Name, name, $"{machine.Type} execution {arn}");
        _sim.ScheduleAt(_sim.Time.QueueTime, () => _ = runner.RunAsync());
        return execution;
    }

    /// <summary>Runs an Express execution to its end and returns it (StartSyncExecution).</summary>
    /// <exception cref="StepFunctionsException"><c>StateMachineTypeNotSupported</c> for a Standard machine, or as <see cref="StartExecution"/>.</exception>
    public Execution StartSyncExecution(string stateMachine, string? input = null, string? name = null)
    {
        if (Find(stateMachine).Type != WorkflowType.Express)
        {
            throw new StepFunctionsException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }
        var execution = StartExecution(stateMachine, input, name);
        _sim.RunUntilComplete(execution.Completion);
        return execution;
    }

    /// <summary>Stops a running execution (StopExecution).</summary>
    public void StopExecution(string executionArn, string? error = null, string? cause = null)
    {
        var execution = DescribeExecution(executionArn);
        _runners[execution].Abort(error, cause);
    }

    /// <summary>The execution (DescribeExecution).</summary>
    /// <exception cref="StepFunctionsException"><c>ExecutionDoesNotExist</c>.</exception>
    public Execution DescribeExecution(string executionArn) =>
        _executions.TryGetValue(executionArn, out var e) ? e : throw new StepFunctionsException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");

    /// <summary>The execution's history (GetExecutionHistory).</summary>
    public IReadOnlyList<HistoryEvent> GetExecutionHistory(string executionArn) => DescribeExecution(executionArn).History;

    /// <summary>Completes a task waiting on <paramref name="taskToken"/> with <paramref name="output"/> (SendTaskSuccess).</summary>
    /// <exception cref="StepFunctionsException"><c>TaskDoesNotExist</c>, <c>TaskTimedOut</c>, <c>InvalidOutput</c>.</exception>
    public void SendTaskSuccess(string taskToken, string output)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonValues.Parse(output);
        }
        catch (JsonException e)
        {
            throw new StepFunctionsException("InvalidOutput", $"Invalid Output: '{e.Message}'");
        }
        Token(taskToken).Succeed(parsed);
    }

    /// <summary>Fails a task waiting on <paramref name="taskToken"/> (SendTaskFailure).</summary>
    public void SendTaskFailure(string taskToken, string? error = null, string? cause = null) =>
        Token(taskToken).Fail(new StatesException(error, cause));

    /// <summary>Resets the heartbeat clock of a task waiting on <paramref name="taskToken"/> (SendTaskHeartbeat).</summary>
    public void SendTaskHeartbeat(string taskToken) => Token(taskToken).Beat();

    internal TaskTokenWaiter RegisterToken(string token, int? heartbeatSeconds, Execution execution)
    {
        var waiter = new TaskTokenWaiter(_sim, heartbeatSeconds, execution);
        _tokens[token] = waiter;
        return waiter;
    }

    /// <summary>DescribeExecution's response as JSON (the output of <c>states:startExecution.sync</c>).</summary>
    internal JsonObject Describe(Execution e, bool parseOutput)
    {
        var o = new JsonObject
        {
            ["ExecutionArn"] = e.Arn,
            ["Input"] = parseOutput ? JsonValues.Parse(e.Input) : e.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = e.Name,
            ["StartDate"] = Timestamps.Format(e.StartDate),
            ["StateMachineArn"] = e.StateMachine.Arn,
            ["Status"] = e.StatusText,
        };
        if (e.StopDate is DateTimeOffset stop)
        {
            o["StopDate"] = Timestamps.Format(stop);
        }
        if (e.Output is not null)
        {
            o["Output"] = parseOutput ? JsonValues.Parse(e.Output) : e.Output;
            o["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        if (e.Error is not null)
        {
            o["Error"] = e.Error;
        }
        if (e.Cause is not null)
        {
            o["Cause"] = e.Cause;
        }
        return o;
    }

    /// <summary>Express workflows support neither <c>.sync</c> nor <c>.waitForTaskToken</c> (catalogue row SFN_09).</summary>
    private static IEnumerable<DefinitionDiagnostic> ExpressViolations(StateMachineDefinition machine, string at)
    {
        foreach (var (name, state) in machine.States)
        {
            if (state.Resource is string r && Integrations.TaskResource.Parse(r) is { } resource && (resource.Sync || resource.WaitForTaskToken))
            {
                yield return new DefinitionDiagnostic("SCHEMA_VALIDATION_FAILED",
                    $"Express state machine does not support '{(resource.Sync ? ".sync" : ".waitForTaskToken")}' service integration", $"{at}/{name}/Resource");
            }
            for (var i = 0; i < state.Branches.Count; i++)
            {
                foreach (var d in ExpressViolations(state.Branches[i], $"{at}/{name}/Branches[{i}]/States"))
                {
                    yield return d;
                }
            }
            if (state.Distributed)
            {
                yield return new DefinitionDiagnostic("SCHEMA_VALIDATION_FAILED", "Express state machine does not support Distributed Map: run it in a Standard state machine", $"{at}/{name}/ItemProcessor/ProcessorConfig/Mode");
            }
            else if (state.ItemProcessor is { } processor)
            {
                foreach (var d in ExpressViolations(processor, $"{at}/{name}/ItemProcessor/States"))
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>A Standard machine's distributed Maps whose child executions are Express obey Express's rules.</summary>
    private static IEnumerable<DefinitionDiagnostic> ExpressChildViolations(StateMachineDefinition machine, string at)
    {
        foreach (var (name, state) in machine.States)
        {
            var inner = state.Branches.Select((b, i) => (b, $"{at}/{name}/Branches[{i}]/States")).ToList();
            if (state.ItemProcessor is { } processor)
            {
                if (state.Distributed && state.ChildExecutionType == WorkflowType.Express)
                {
                    foreach (var d in ExpressViolations(processor, $"{at}/{name}/ItemProcessor/States"))
                    {
                        yield return d;
                    }
                    continue;
                }

                inner.Add((processor, $"{at}/{name}/ItemProcessor/States"));
            }

            foreach (var (branch, where) in inner)
            {
                foreach (var d in ExpressChildViolations(branch, where))
                {
                    yield return d;
                }
            }
        }
    }

    private TaskTokenWaiter Token(string token)
    {
        if (!_tokens.TryGetValue(token, out var waiter))
        {
            throw new StepFunctionsException("TaskDoesNotExist", "Task Does Not Exist");
        }
        if (waiter.Closed || !waiter.Execution.IsRunning)
        {
            throw new StepFunctionsException("TaskTimedOut", "Task Timed Out");
        }
        return waiter;
    }

    private StateMachine Find(string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        if (_machines.TryGetValue(nameOrArn, out var m))
        {
            return m;
        }
        var byName = _machines.Values.FirstOrDefault(x => x.Name == nameOrArn);
        return byName ?? throw new StepFunctionsException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{nameOrArn}'");
    }
}
