namespace Course.Sandbox.Services.Wire;

/// <summary>One call a handler made to a sandbox service, as the engine observed it.</summary>
/// <param name="Service">The service id (<c>dynamodb</c>, <c>s3</c>, <c>sqs</c>, ...).</param>
/// <param name="Operation">The API operation (<c>GetItem</c>, <c>PutObject</c>, ...).</param>
/// <param name="Outcome"><c>OK</c> or the error code returned.</param>
/// <param name="Latency">The modelled latency added to the caller's duration.</param>
public sealed record ServiceCall(string Service, string Operation, string Outcome, TimeSpan Latency);
