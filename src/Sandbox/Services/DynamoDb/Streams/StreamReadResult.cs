namespace Course.Sandbox.Services.DynamoDb.Streams;

/// <summary>The answer to <see cref="DynamoDbStream.GetRecords"/>.</summary>
/// <param name="Records">Records in shard order (oldest first), at most the requested limit.</param>
/// <param name="Next">The position after the last returned record (unchanged when none were returned).</param>
public sealed record StreamReadResult(IReadOnlyList<DynamoDbStreamRecord> Records, StreamPosition Next);
