using System.Net;
using Amazon.Runtime;

namespace Course.Sandbox.Clients.SimpleNotificationService;

/// <summary>Base of the errors the sandbox SNS client throws (mirrors
/// <c>Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceException</c>).</summary>
public class AmazonSimpleNotificationServiceException : AmazonServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    /// <param name="errorCode">AWS's error code.</param>
    /// <param name="statusCode">The HTTP status AWS answers with.</param>
    public AmazonSimpleNotificationServiceException(string message, string errorCode, HttpStatusCode statusCode)
        : base(message, ErrorType.Sender, errorCode, string.Empty, statusCode)
    {
    }
}
