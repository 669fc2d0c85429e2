using System.Net;

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The topic (or subscription) does not exist: 404 <c>NotFound</c> (mirrors
/// <c>Amazon.SimpleNotificationService.Model.NotFoundException</c>).</summary>
public sealed class NotFoundException : AmazonSimpleNotificationServiceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">AWS's message.</param>
    public NotFoundException(string message)
        : base(message, "NotFound", HttpStatusCode.NotFound)
    {
    }
}
