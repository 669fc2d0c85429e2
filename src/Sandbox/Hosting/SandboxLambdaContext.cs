using Course.Lambda.Core;

namespace Course.Sandbox.Hosting;

/// <summary>
/// The <see cref="ILambdaContext"/> the engine passes to handlers (one per environment, reflecting the phase in
/// progress); remaining time reads the invocation's modelled clock.
/// </summary>
internal sealed class SandboxLambdaContext(
    Functions.LambdaFunction function,
    string logStreamName,
    ILambdaLogger logger,
    InvocationScope scope) : ILambdaContext
{
    public string AwsRequestId => scope.RequestId ?? "";
    public IClientContext? ClientContext => null;
    public string FunctionName => function.Name;
    public string FunctionVersion => "$LATEST";
    public ICognitoIdentity? Identity => null;
    public string InvokedFunctionArn => function.Arn;
    public ILambdaLogger Logger => logger;
    public string LogGroupName => function.LogGroupName;
    public string LogStreamName => logStreamName;
    public int MemoryLimitInMB => function.Options.MemorySize;
    public TimeSpan RemainingTime => scope.Remaining;
}
