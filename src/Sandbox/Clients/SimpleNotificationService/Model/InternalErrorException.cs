using System.Net;

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>SNS failed internally: 500 <c>InternalError</c> (mirrors
/// <c>Amazon.SimpleNotificationService.Model.InternalErrorException</c>); the sandbox raises it through fault injection.</summary>
public sealed class InternalErrorException : AmazonSimpleNotificationServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    public InternalErrorException(string message)
        : base(message, "InternalError", HttpStatusCode.InternalServerError)
    {
    }
}
