using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.StepFunctions;

/// <summary>An error of the Step Functions API (mirrors <c>Amazon.StepFunctions.AmazonStepFunctionsException</c>);
/// <see cref="AmazonServiceException.ErrorCode"/> is AWS's code (<c>TaskDoesNotExist</c>, <c>ExecutionDoesNotExist</c>, …).</summary>
public class AmazonStepFunctionsException : AmazonServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    /// <param name="errorCode">AWS's error code.</param>
    public AmazonStepFunctionsException(string message, string errorCode)
        : base(message, ErrorType.Sender, errorCode, string.Empty, HttpStatusCode.BadRequest)
    {
    }
}
