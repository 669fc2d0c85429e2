using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.Core;
using Course.Lambda.SQSEvents;

namespace SqsBatch;

/// <summary>An order as producers send it.</summary>
public sealed record Order(string? OrderId, string? CustomerId, decimal? Amount);

/// <summary>SQS orders → DynamoDB. Run `./grade exercises/05-sqs-batch` to check it.</summary>
public class Function
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "orders";

    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
    {
        foreach (var message in sqsEvent.Records)
        {
            // TODO (task 2): one message that fails here (a body that is not an order) throws out of the handler,
            // and Lambda retries the WHOLE batch. Catch the failure per message and remember its MessageId.
            // TODO (task 3): do not just log and skip a failed message either: SQS would delete it.
            var order = JsonSerializer.Deserialize<Order>(message.Body, Json)
                        ?? throw new FormatException($"message {message.MessageId} is not an order");

            // TODO (task 4): SQS delivers at least once. Make this write conditional so a second delivery of the
            // same message cannot write the order again.
            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["orderId"] = new AttributeValue { S = order.OrderId },
                    ["customerId"] = new AttributeValue { S = order.CustomerId },
                    ["amount"] = new AttributeValue { N = order.Amount?.ToString(CultureInfo.InvariantCulture) },
                    ["processedBy"] = new AttributeValue { S = context.AwsRequestId },
                },
            });
        }

        // TODO (task 2): list the failed messages here: new SQSBatchResponse(failures).
        return new SQSBatchResponse();
    }
}
