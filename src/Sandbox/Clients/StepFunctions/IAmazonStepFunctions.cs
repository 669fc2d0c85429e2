using Course.Sandbox.Clients.StepFunctions.Model;

namespace Course.Sandbox.Clients.StepFunctions;

/// <summary>The Step Functions operations the sandbox models, with the names and shapes of <c>Amazon.StepFunctions.IAmazonStepFunctions</c>.</summary>
public interface IAmazonStepFunctions : IDisposable
{
    /// <summary>Starts an execution; it runs on the simulation's clock.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The execution ARN and start date.</returns>
    Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs an Express execution and completes when it ends.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its status, output or error.</returns>
    Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes an execution.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its status, input, output or error.</returns>
    Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads an execution's history.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events.</returns>
    Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Completes a task waiting on a token.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An empty response.</returns>
    Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default);

    /// <summary>Fails a task waiting on a token.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An empty response.</returns>
    Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reports that a task waiting on a token is still alive.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An empty response.</returns>
    Task<SendTaskHeartbeatResponse> SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request, CancellationToken cancellationToken = default);
}
