using System.Net;

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>A request parameter is invalid: 400 <c>InvalidParameter</c> (mirrors
/// <c>Amazon.SimpleNotificationService.Model.InvalidParameterException</c>).</summary>
public sealed class InvalidParameterException : AmazonSimpleNotificationServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    public InvalidParameterException(string message)
        : base(message, "InvalidParameter", HttpStatusCode.BadRequest)
    {
    }
}
