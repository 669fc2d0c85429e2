namespace Course.Sandbox.Services.DynamoDb.Streams;

/// <summary>
/// Where a reader stands in one shard of a table's stream: it reads the records whose sequence number is
/// greater than <see cref="AfterSequenceNumber"/> (all retained records when it is null: TRIM_HORIZON).
/// Positions are plain values, so a poller can keep one per shard and move it only when a batch succeeds.
/// </summary>
/// <param name="ShardId">The shard, one of <see cref="DynamoDbStream.ShardIds"/>.</param>
/// <param name="AfterSequenceNumber">The last sequence number already read; null to start at the oldest retained record.</param>
public readonly record struct StreamPosition(string ShardId, string? AfterSequenceNumber);
