using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Course.Lambda.Core;
using Course.Lambda.S3Events;

namespace DocumentProcessor;

/// <summary>An uploaded document → one item in the table: its key, size and word count.</summary>
public class Function
{
    // INIT: clients are created once per execution environment and reused while it is warm.
    private readonly IAmazonS3 _s3 = new AmazonS3Client();
    private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? throw new InvalidOperationException("TABLE_NAME is not set");

    public async Task FunctionHandler(S3Event evt, ILambdaContext context)
    {
        foreach (var record in evt.Records)
        {
            var bucket = record.S3.Bucket.Name;
            // S3_02: keys arrive URL-encoded (spaces as '+').
            var key = Uri.UnescapeDataString(record.S3.Object.Key.Replace('+', ' '));
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
            using var reader = new StreamReader(response.ResponseStream);
            var text = await reader.ReadToEndAsync();
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["document_id"] = new() { S = key },
                    ["bucket"] = new() { S = bucket },
                    ["words"] = new() { N = words.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            });
            context.Logger.LogInformation($"processed {key}: {words} words");
        }
    }
}
