using System.Net;

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The request rate is over the account's limit: 400 <c>Throttled</c> (mirrors
/// <c>Amazon.SimpleNotificationService.Model.ThrottledException</c>); the sandbox raises it through fault injection.</summary>
public sealed class ThrottledException : AmazonSimpleNotificationServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    public ThrottledException(string message)
        : base(message, "Throttled", HttpStatusCode.BadRequest)
    {
    }
}
