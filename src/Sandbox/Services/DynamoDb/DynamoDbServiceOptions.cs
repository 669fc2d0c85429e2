using System.Text.RegularExpressions;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>Settings of the sandbox's DynamoDB. Validated once when the service is built.</summary>
public sealed class DynamoDbServiceOptions
{
    /// <summary>The region used in ARNs and stream records.</summary>
    /// <value>The default value is <c>us-east-1</c>.</value>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The 12-digit account id used in ARNs.</summary>
    /// <value>The default value is <c>123456789012</c>.</value>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>
    /// How many shards each table's stream has. A record goes to the shard chosen by a stable hash of its
    /// partition key, so records of one key keep their order in one shard (DDB_01).
    /// </summary>
    /// <value>The default value is 4 shards; allowed 1–100.</value>
    public int StreamShardCount { get; init; } = 4;

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("Region must not be empty (for example us-east-1).");
        }

        if (AccountId is null || !Regex.IsMatch(AccountId, "^[0-9]{12}$"))
        {
            errors.Add($"AccountId '{AccountId}' must be exactly 12 digits (for example 123456789012).");
        }

        if (StreamShardCount is < 1 or > 100)
        {
            errors.Add($"StreamShardCount {StreamShardCount} must be between 1 and 100.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid DynamoDbServiceOptions: " + string.Join(" ", errors));
        }
    }
}
