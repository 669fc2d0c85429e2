namespace Course.Cli.Commands;

/// <summary>The parsed options of one <c>events generate</c> command; null means the generator's default.</summary>
internal sealed class GenerateSettings
{
    /// <summary>apigw, s3, sqs, dynamodb, eventbridge or sns.</summary>
    public required string Service { get; init; }

    /// <summary>The seed of the ids. The default is 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The event time (ISO 8601); null for now.</summary>
    public string? Time { get; init; }

    /// <summary>apigw: the HTTP method.</summary>
    public string? Method { get; init; }

    /// <summary>apigw: the path, optionally with a query.</summary>
    public string? Path { get; init; }

    /// <summary>apigw: the body (first); sqs: one message per body.</summary>
    public IReadOnlyList<string> Bodies { get; init; } = [];

    /// <summary>s3: the bucket.</summary>
    public string? Bucket { get; init; }

    /// <summary>s3: the key.</summary>
    public string? Key { get; init; }

    /// <summary>s3 or dynamodb: the event name.</summary>
    public string? EventName { get; init; }

    /// <summary>sqs: the queue name.</summary>
    public string? Queue { get; init; }

    /// <summary>dynamodb: the table name.</summary>
    public string? Table { get; init; }

    /// <summary>eventbridge: the source.</summary>
    public string? Source { get; init; }

    /// <summary>eventbridge: the detail-type.</summary>
    public string? DetailType { get; init; }

    /// <summary>eventbridge: the detail JSON.</summary>
    public string? Detail { get; init; }

    /// <summary>sns: the topic name.</summary>
    public string? Topic { get; init; }

    /// <summary>sns: the message.</summary>
    public string? Message { get; init; }

    /// <summary>sns: the subject.</summary>
    public string? Subject { get; init; }
}
