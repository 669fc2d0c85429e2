namespace Course.Sandbox.Iam;

/// <summary>
/// Authorises one handler → service call: the engine's service endpoint calls it with the calling function, the
/// IAM action and the resource ARN; null means allowed, otherwise the call fails with the returned error.
/// </summary>
public interface IServiceAuthorizer
{
    /// <summary>Null when <paramref name="functionName"/>'s role allows <paramref name="action"/> on <paramref name="resourceArn"/>, else the denial.</summary>
    AccessDeniedException? Authorize(string functionName, string action, string resourceArn);
}
