namespace Course.Sandbox.Environments;

/// <summary>An SDK client constructed by handler code.</summary>
/// <param name="Service">The service id (<c>dynamodb</c>, <c>s3</c>, ...).</param>
/// <param name="Phase"><c>INIT</c> or <c>INVOKE</c>.</param>
/// <param name="RequestId">The invocation that created it, for the INVOKE phase.</param>
/// <param name="Time">When.</param>
public sealed record ClientCreation(string Service, string Phase, string? RequestId, DateTimeOffset Time);
