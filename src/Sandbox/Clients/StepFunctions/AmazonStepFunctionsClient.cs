using System.Net;
using Course.Sandbox.Clients.StepFunctions.Model;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.StepFunctions.Executions;
using SandboxExecution = Course.Sandbox.StepFunctions.Executions.Execution;

namespace Course.Sandbox.Clients.StepFunctions;

/// <summary>
/// The sandbox's Step Functions client, named and shaped like <c>Amazon.StepFunctions.AmazonStepFunctionsClient</c>
/// (AWSSDK.StepFunctions), so learner code moves to AWS by changing the package and the usings
/// (<c>Course.Sandbox.Clients.StepFunctions</c> → <c>Amazon.StepFunctions</c>). It talks to the simulation's
/// <see cref="StepFunctionsService"/> found through <see cref="SandboxAmbient.Current"/> at each call.
/// </summary>
/// <remarks>
/// <c>StartSyncExecutionAsync</c> completes when the Express execution ends on the virtual clock; outside a
/// simulation's handler, drive it with <c>sim.RunUntilComplete</c>.
/// </remarks>
public sealed class AmazonStepFunctionsClient : IAmazonStepFunctions
{
    private readonly StepFunctionsService? _service;
    private readonly IServiceCallObserver? _observer;

    /// <summary>A client for the current simulation (<see cref="SandboxAmbient.Current"/>), as <c>new AmazonStepFunctionsClient()</c> on AWS.</summary>
    public AmazonStepFunctionsClient()
    {
    }

    /// <summary>A client bound to one Step Functions service (for engine code and tests).</summary>
    /// <param name="service">The sandbox Step Functions.</param>
    /// <param name="observer">Receives every call; null for none.</param>
    public AmazonStepFunctionsClient(StepFunctionsService service, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _observer = observer;
    }

    /// <inheritdoc />
    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("StartExecution", s =>
        {
            var e = s.StartExecution(request.StateMachineArn ?? "", request.Input, request.Name);
            return new StartExecutionResponse { ExecutionArn = e.Arn, StartDate = e.StartDate.UtcDateTime };
        });
    }

    /// <inheritdoc />
    public async Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = await Call("StartSyncExecution", s =>
        {
            if (!s.StateMachines.Values.Any(m => (m.Arn == request.StateMachineArn || m.Name == request.StateMachineArn) && m.Type == WorkflowType.Express))
            {
                throw new StepFunctionsException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
            }
            return new StartExecutionResponse { ExecutionArn = s.StartExecution(request.StateMachineArn!, request.Input, request.Name).Arn };
        }).ConfigureAwait(false);
        var execution = Service().DescribeExecution(started.ExecutionArn);
        await execution.Completion.ConfigureAwait(false);
        return new StartSyncExecutionResponse
        {
            ExecutionArn = execution.Arn, StateMachineArn = execution.StateMachine.Arn, Name = execution.Name,
            StartDate = execution.StartDate.UtcDateTime, StopDate = (execution.StopDate ?? execution.StartDate).UtcDateTime,
            Status = new SyncExecutionStatus(execution.StatusText), Input = execution.Input, Output = execution.Output,
            Error = execution.Error, Cause = execution.Cause, HttpStatusCode = HttpStatusCode.OK,
        };
    }

    /// <inheritdoc />
    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("DescribeExecution", s => Describe(s.DescribeExecution(request.ExecutionArn ?? "")));
    }

    /// <inheritdoc />
    public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("GetExecutionHistory", s =>
        {
            IEnumerable<Sandbox.StepFunctions.History.HistoryEvent> events = s.GetExecutionHistory(request.ExecutionArn ?? "");
            if (request.ReverseOrder)
            {
                events = events.Reverse();
            }
            if (request.MaxResults > 0)
            {
                events = events.Take(request.MaxResults);
            }
            return new GetExecutionHistoryResponse { Events = [.. events.Select(ToModel)] };
        });
    }

    /// <inheritdoc />
    public Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("SendTaskSuccess", s =>
        {
            s.SendTaskSuccess(request.TaskToken ?? "", request.Output ?? "{}");
            return new SendTaskSuccessResponse();
        });
    }

    /// <inheritdoc />
    public Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("SendTaskFailure", s =>
        {
            s.SendTaskFailure(request.TaskToken ?? "", request.Error, request.Cause);
            return new SendTaskFailureResponse();
        });
    }

    /// <inheritdoc />
    public Task<SendTaskHeartbeatResponse> SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("SendTaskHeartbeat", s =>
        {
            s.SendTaskHeartbeat(request.TaskToken ?? "");
            return new SendTaskHeartbeatResponse();
        });
    }

    /// <summary>Nothing to release; present because the AWS client is disposable.</summary>
    public void Dispose()
    {
    }

    private static DescribeExecutionResponse Describe(SandboxExecution e) => new()
    {
        ExecutionArn = e.Arn, StateMachineArn = e.StateMachine.Arn, Name = e.Name, Status = new Model.ExecutionStatus(e.StatusText),
        StartDate = e.StartDate.UtcDateTime, StopDate = e.StopDate?.UtcDateTime, Input = e.Input, Output = e.Output, Error = e.Error, Cause = e.Cause,
    };

    private static HistoryEvent ToModel(Sandbox.StepFunctions.History.HistoryEvent h)
    {
        var d = h.Details;
        string? Text(string key) => d?[key]?.GetValue<string>();
        return new HistoryEvent
        {
            Id = h.Id,
            PreviousEventId = h.PreviousEventId,
            Timestamp = h.Timestamp.UtcDateTime,
            Type = new HistoryEventType(h.Type),
            StateEnteredEventDetails = h.DetailsName == "stateEnteredEventDetails" ? new StateEnteredEventDetails { Name = Text("name"), Input = Text("input") } : null,
            StateExitedEventDetails = h.DetailsName == "stateExitedEventDetails" ? new StateExitedEventDetails { Name = Text("name"), Output = Text("output") } : null,
            ExecutionFailedEventDetails = h.Type == "ExecutionFailed" ? new ExecutionFailedEventDetails { Error = Text("error"), Cause = Text("cause") } : null,
            DetailsJson = d?.ToJsonString(),
        };
    }

    private StepFunctionsService Service() =>
        _service ?? SandboxAmbient.Require(nameof(AmazonStepFunctionsClient)).StepFunctions
        ?? throw new InvalidOperationException("This simulation has no Step Functions service.");

    private Task<T> Call<T>(string operation, Func<StepFunctionsService, T> action)
        where T : Amazon.Runtime.AmazonWebServiceResponse
    {
        var service = Service();
        var observer = _service is not null ? _observer : SandboxAmbient.Current?.Observer;
        var latency = TimeSpan.FromMilliseconds(operation.StartsWith("Start", StringComparison.Ordinal) ? 40 : 20);
        try
        {
            var response = action(service);
            response.HttpStatusCode = HttpStatusCode.OK;
            observer?.OnCall(new ServiceCall("states", operation, "Success", latency));
            return Task.FromResult(response);
        }
        catch (StepFunctionsException e)
        {
            observer?.OnCall(new ServiceCall("states", operation, e.ErrorCode, latency));
            return Task.FromException<T>(new AmazonStepFunctionsException(e.Message, e.ErrorCode));
        }
    }
}
