// expect-fail: keeps-order
// Reports failed records but carries on with the rest of the batch, as one would for SQS.
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.Core;
using Course.Lambda.DynamoDBEvents;

namespace StreamPoison;

/// <summary>Ledger changes (DynamoDB stream) → per-account balances, applied in order, each once.</summary>
public class Function
{
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _balances = Environment.GetEnvironmentVariable("BALANCES_TABLE") ?? "balances";

    public async Task<StreamsEventResponse> FunctionHandler(DynamoDBEvent streamEvent, ILambdaContext context)
    {
        var failures = new List<StreamsEventResponse.BatchItemFailure>();
        foreach (var record in streamEvent.Records)
        {
            try
            {
                await ApplyAsync(record);
            }
            catch (Exception e)
            {
                // DDB_04: report the first failure and stop; Lambda retries from this record, so nothing after it
                // (in particular a later change of the same account) is applied before it.
                context.Logger.LogError($"record {record.Dynamodb.SequenceNumber} failed: {e.Message}");
                failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Dynamodb.SequenceNumber });
            }
        }

        return new StreamsEventResponse { BatchItemFailures = failures };
    }

    private async Task ApplyAsync(DynamoDBEvent.DynamodbStreamRecord record)
    {
        var image = record.Dynamodb.NewImage ?? throw new InvalidDataException("the record has no NewImage");
        var account = image["accountId"].S;
        var version = long.Parse(image["version"].N, CultureInfo.InvariantCulture);
        var amount = image.TryGetValue("amount", out var a) && a.N is { } n
            ? decimal.Parse(n, NumberStyles.Number, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"change {account} v{version} has no numeric amount");
        var delta = image["op"].S switch
        {
            "deposit" => amount,
            "withdraw" => -amount,
            var op => throw new InvalidDataException($"change {account} v{version} has an unknown op '{op}'"),
        };

        try
        {
            await _db.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _balances,
                Key = new Dictionary<string, AttributeValue> { ["accountId"] = new() { S = account } },
                UpdateExpression = "SET version = :v ADD balance :delta",
                ConditionExpression = "attribute_not_exists(version) OR version < :v",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":v"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
                    [":delta"] = new() { N = delta.ToString(CultureInfo.InvariantCulture) },
                },
            });
        }
        catch (ConditionalCheckFailedException)
        {
            // Already applied (a retry or a duplicate): the balance holds this version or a later one.
        }
    }
}
