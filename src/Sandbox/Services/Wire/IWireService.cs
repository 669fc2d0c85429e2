namespace Course.Sandbox.Services.Wire;

/// <summary>
/// One sandbox service as the AWS SDK sees it on the wire: it answers the HTTP requests the real SDK
/// client marshals (JSON 1.0 for DynamoDB, JSON for SQS, REST-XML for S3), so the SDK's own unmarshallers
/// build the responses and exceptions a learner's code receives.
/// </summary>
public interface IWireService
{
    /// <summary>The SDK service id this endpoint answers for, lower-case (<c>s3</c>, <c>sqs</c>, <c>dynamodb</c>).</summary>
    string ServiceId { get; }

    /// <summary>Answers one request. Unsupported operations answer with an error response that names them.</summary>
    Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
