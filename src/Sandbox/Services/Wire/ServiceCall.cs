namespace Course.Sandbox.Services.Wire;

/// <summary>One call a sandbox service answered, as reported to an <see cref="IServiceCallObserver"/>.</summary>
/// <param name="Service">The service id, lower-case (<c>dynamodb</c>, <c>s3</c>, <c>sqs</c>).</param>
/// <param name="Operation">The operation name as the SDK names it (<c>PutItem</c>).</param>
/// <param name="Outcome"><c>Success</c>, or the error code answered (<c>ConditionalCheckFailedException</c>).</param>
/// <param name="Latency">The modelled latency of the call (deterministic; includes injected latency).</param>
public sealed record ServiceCall(string Service, string Operation, string Outcome, TimeSpan Latency)
{
    /// <summary>The <see cref="Outcome"/> of a call that succeeded.</summary>
    public const string Success = "Success";
}
