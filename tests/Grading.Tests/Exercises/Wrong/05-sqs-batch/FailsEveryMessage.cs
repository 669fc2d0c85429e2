// expect-fail: partial-batch
// Reports every message of the batch as failed when one fails.
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.Core;
using Course.Lambda.SQSEvents;

namespace SqsBatch;

/// <summary>An order as producers send it.</summary>
public sealed record Order(string? OrderId, string? CustomerId, decimal? Amount);

/// <summary>SQS orders → DynamoDB: one item per order however often SQS delivers it; failures reported per message.</summary>
public class Function
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "orders";

    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in sqsEvent.Records)
        {
            try
            {
                await ProcessAsync(message, context);
            }
            catch (Exception e) when (e is JsonException or FormatException or AmazonDynamoDBException)
            {
                context.Logger.LogLine($"message {message.MessageId} failed: {e.Message}");
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        if (failures.Count > 0)
        {
            failures = sqsEvent.Records.Select(r => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = r.MessageId }).ToList();
        }

        return new SQSBatchResponse(failures);
    }

    private async Task ProcessAsync(SQSEvent.SQSMessage message, ILambdaContext context)
    {
        var order = JsonSerializer.Deserialize<Order>(message.Body, Json);
        if (order is not { OrderId: { Length: > 0 } orderId, CustomerId: { } customerId, Amount: { } amount })
        {
            throw new FormatException("not an order: it needs orderId, customerId and amount");
        }

        try
        {
            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["orderId"] = new AttributeValue { S = orderId },
                    ["customerId"] = new AttributeValue { S = customerId },
                    ["amount"] = new AttributeValue { N = amount.ToString(CultureInfo.InvariantCulture) },
                    ["processedBy"] = new AttributeValue { S = context.AwsRequestId },
                },
                ConditionExpression = "attribute_not_exists(orderId)",
            });
            context.Logger.LogLine($"order {orderId} recorded");
        }
        catch (ConditionalCheckFailedException)
        {
            context.Logger.LogLine($"order {orderId} was already recorded; duplicate delivery of message {message.MessageId} ignored");
        }
    }
}
