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
    /// <summary>Null when allowed (or not checked), else the denial.</summary>
    public static AccessDeniedException? Check(string action, Func<RoleRegistry, string> resource)
    {
        if (SandboxHttpClientFactory.Current?.WireAuthorizer is not SdkRequestAuthorizer authorizer || InvocationScope.Current is not { } scope)
        {
            return null;
        }
        return authorizer.Registry.Authorize(scope.FunctionName, action, resource(authorizer.Registry));
    }
}
