namespace Course.Sandbox.Services.Faults;

/// <summary>What an injected fault does to one service call. Each service maps a kind to its own error code.</summary>
public enum FaultKind
{
    /// <summary>No fault: the call runs normally.</summary>
    None,

    /// <summary>The call fails because provisioned capacity is exceeded (DynamoDB: ProvisionedThroughputExceededException).</summary>
    ProvisionedThroughputExceeded,

    /// <summary>The call is throttled (DynamoDB/SQS: ThrottlingException; S3: SlowDown).</summary>
    Throttling,

    /// <summary>The service fails internally (DynamoDB: InternalServerError, HTTP 500; S3: InternalError).</summary>
    InternalServerError,
}
