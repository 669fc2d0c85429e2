// expect-fail: event-wiring
// template: no Events: nothing invokes the function (NoEvents.template.yaml)
using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Course.Lambda.Core;
using Course.Lambda.S3Events;

namespace DocumentIndex;

/// <summary>
/// A document uploaded under incoming/ → one item in the table named by TABLE_NAME: its key, bucket and word count.
/// This file is complete: in this exercise you write template.yaml, the application around it.
/// </summary>
public class Function
{
    // INIT: clients once per execution environment; the table's name from the function's configuration.
    private readonly AmazonS3Client _s3 = new();
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") is { Length: > 0 } name
        ? name
        : throw new InvalidOperationException("TABLE_NAME is not set: the template gives the function its table's name.");

    public async Task FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            var bucket = record.S3.Bucket.Name;
            var key = WebUtility.UrlDecode(record.S3.Object.Key);   // S3_02: keys arrive URL-encoded
            using var response = await _s3.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(response.ResponseStream);
            var words = (await reader.ReadToEndAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["document_id"] = new() { S = key },
                    ["bucket"] = new() { S = bucket },
                    ["words"] = new() { N = words.ToString(CultureInfo.InvariantCulture) },
                },
            });
            context.Logger.LogInformation($"indexed {key}: {words} words");
        }
    }
}
