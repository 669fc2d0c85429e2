// expect-fail: retry-after-failure
// Takes a lock with a 5-minute lease before working: the retry one minute after a failed attempt finds it held and gives up.
using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Course.Lambda.Core;
using Course.Lambda.S3Events;

namespace S3Async;

/// <summary>Sales files uploaded to S3 → one result item per file and a running total per day, each upload counted once.</summary>
public class Function
{
    private readonly AmazonS3Client _s3 = new();
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _results = Environment.GetEnvironmentVariable("RESULTS_TABLE") ?? "results";
    private readonly string _totals = Environment.GetEnvironmentVariable("TOTALS_TABLE") ?? "daily-totals";

    public async Task FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            // S3_02: the key arrives URL-encoded (space as +, + as %2B).
            var key = WebUtility.UrlDecode(record.S3.Object.Key);
            var sequencer = record.S3.Object.Sequencer;
            using var response = await _s3.GetObjectAsync(record.S3.Bucket.Name, key);
            using var reader = new StreamReader(response.ResponseStream);
            var (orders, total) = Parse(key, await reader.ReadToEndAsync()); // a bad line throws: nothing written yet
            var day = key.Split('/') is { Length: > 2 } parts ? parts[1] : "unknown";

            // A lock so that a concurrent duplicate does not process the file too; its lease outlives Lambda's retry.
            try
            {
                await _db.PutItemAsync(new PutItemRequest
                {
                    TableName = _results,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["objectKey"] = new() { S = "lock#" + key },
                        ["leaseUntil"] = new() { N = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                    },
                    ConditionExpression = "attribute_not_exists(objectKey) OR leaseUntil < :now",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":now"] = new() { N = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                    },
                });
            }
            catch (ConditionalCheckFailedException)
            {
                context.Logger.LogInformation($"{key} is being processed by another invocation: skipped");
                continue;
            }

            try
            {
                // Both effects in one transaction: a failed attempt leaves nothing behind, and the condition makes a
                // second delivery of the same event (same key and sequencer) a no-op.
                await _db.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems =
                    [
                        new TransactWriteItem
                        {
                            Put = new Put
                            {
                                TableName = _results,
                                Item = new Dictionary<string, AttributeValue>
                                {
                                    ["objectKey"] = new() { S = key },
                                    ["day"] = new() { S = day },
                                    ["orders"] = new() { N = orders.ToString(CultureInfo.InvariantCulture) },
                                    ["total"] = new() { N = total.ToString(CultureInfo.InvariantCulture) },
                                    ["sequencer"] = new() { S = sequencer },
                                },
                                ConditionExpression = "attribute_not_exists(objectKey) OR #seq < :seq",
                                ExpressionAttributeNames = new Dictionary<string, string> { ["#seq"] = "sequencer" },
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":seq"] = new() { S = sequencer } },
                            },
                        },
                        new TransactWriteItem
                        {
                            Update = new Update
                            {
                                TableName = _totals,
                                Key = new Dictionary<string, AttributeValue> { ["day"] = new() { S = day } },
                                UpdateExpression = "ADD #total :total, files :one",
                                ExpressionAttributeNames = new Dictionary<string, string> { ["#total"] = "total" },
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                                {
                                    [":total"] = new() { N = total.ToString(CultureInfo.InvariantCulture) },
                                    [":one"] = new() { N = "1" },
                                },
                            },
                        },
                    ],
                });
                context.Logger.LogInformation($"{key}: {orders} orders, {total.ToString(CultureInfo.InvariantCulture)} (sequencer {sequencer})");
            }
            catch (TransactionCanceledException e) when (e.CancellationReasons.Any(r => r.Code == "ConditionalCheckFailed"))
            {
                context.Logger.LogInformation($"{key} (sequencer {sequencer}) was already processed: skipped");
            }
        }
    }

    /// <summary>Lines "orderId,amount" (a header line "orderId,amount" is allowed); throws FormatException on a bad line.</summary>
    private static (int Orders, decimal Total) Parse(string key, string csv)
    {
        var orders = 0;
        var total = 0m;
        var lineNumber = 0;
        foreach (var line in csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            lineNumber++;
            if (lineNumber == 1 && line.Equals("orderId,amount", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 2 || !decimal.TryParse(fields[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                throw new FormatException($"{key} line {lineNumber}: expected orderId,amount but found \"{line}\"");
            }

            orders++;
            total += amount;
        }

        return (orders, total);
    }
}
