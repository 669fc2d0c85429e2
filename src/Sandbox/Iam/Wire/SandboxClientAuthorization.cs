using Course.Sandbox.Hosting;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Iam.Wire;

/// <summary>
/// The IAM check for the sandbox clients (SNS, EventBridge, Bedrock Runtime), which do not cross the SDK's HTTP
/// pipeline: when handler code of a function with a role calls one, the action and resource are authorised as an
/// SDK call would be.
/// </summary>
internal static class SandboxClientAuthorization
{
    /// <summary>Null when allowed (or not checked), else the denial, which the service endpoint records as the call's outcome.</summary>
    /// <param name="service">The client's service id, as its calls are recorded (<c>sns</c>, <c>events</c>, <c>bedrock-runtime</c>).</param>
    /// <param name="operation">The operation called.</param>
    /// <param name="errorCode">The error code the client throws for the denial.</param>
    /// <param name="action">The IAM action.</param>
    /// <param name="resource">The resource ARN, from the registry's region and account.</param>
    public static AccessDeniedException? Check(string service, string operation, string errorCode, string action, Func<RoleRegistry, string> resource)
    {
        if (SandboxHttpClientFactory.Current?.WireAuthorizer is not SdkRequestAuthorizer authorizer || InvocationScope.Current is not { } scope)
        {
            return null;
        }
        var denied = authorizer.Registry.Authorize(scope.FunctionName, action, resource(authorizer.Registry));
        if (denied is not null)
        {
            authorizer.Registry.Endpoint.RecordDenied(service, operation, errorCode);
        }
        return denied;
    }
}
