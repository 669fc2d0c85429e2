namespace Course.Grading.Exercises.Model;

/// <summary>How the scenario invokes the function: <c>trigger.kind</c> in exercise.yaml.</summary>
public enum TriggerKind
{
    /// <summary><c>direct</c>: the checks invoke the function themselves with a JSON payload (the default).</summary>
    Direct,

    /// <summary><c>apigw</c>: an API Gateway HTTP API (payload format 2.0) in front of the function.</summary>
    ApiGateway,

    /// <summary><c>sqs</c>: an SQS queue with an event source mapping.</summary>
    Sqs,

    /// <summary><c>s3</c>: S3 event notifications (asynchronous invocation).</summary>
    S3,

    /// <summary><c>dynamodb</c>: a table's DynamoDB stream with an event source mapping.</summary>
    DynamoDbStream,
}
