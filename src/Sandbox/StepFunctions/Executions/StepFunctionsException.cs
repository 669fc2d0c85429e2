namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>An error of the Step Functions API itself (not of an execution): <c>StateMachineDoesNotExist</c>, <c>TaskDoesNotExist</c>, …</summary>
public sealed class StepFunctionsException(string errorCode, string message) : Exception(message)
{
    /// <summary>The API's error code.</summary>
    public string ErrorCode { get; } = errorCode;
}
