namespace Course.Sandbox.Services.Wire;

/// <summary>One call a sandbox service answered, as reported to an <see cref="IServiceCallObserver"/>.</summary>
/// <param name="Service">The service id, lower-case (<c>s3</c>, <c>sqs</c>, <c>sns</c>, <c>dynamodb</c>).</param>
/// <param name="Operation">The AWS operation name, e.g. <c>PutObject</c> or <c>SendMessage</c>.</param>
/// <param name="Outcome"><c>Success</c>, or the AWS error code the call answered with (e.g. <c>NoSuchKey</c>).</param>
/// <param name="Latency">The modelled service-side latency of the call (virtual time, not measured).</param>
public sealed record ServiceCall(string Service, string Operation, string Outcome, TimeSpan Latency);
