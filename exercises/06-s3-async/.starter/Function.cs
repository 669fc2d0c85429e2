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
            // TODO (task 2): the key in the record is URL-encoded; decode it before using it.
            var key = record.S3.Object.Key;
            using var response = await _s3.GetObjectAsync(record.S3.Bucket.Name, key);
            using var reader = new StreamReader(response.ResponseStream);
            var csv = await reader.ReadToEndAsync();

            // TODO (task 1): count the lines "orderId,amount" (after the header) and sum the amounts; the day is the
            // key's second segment (sales/<day>/<file>.csv). Put {objectKey, day, orders, total, sequencer} into
            // _results and ADD the total and 1 file to the day's item in _totals.
            // TODO (task 3): a bad line must fail the invocation, and nothing may be written before the file parsed.
            // TODO (tasks 4 and 5): retries and duplicate deliveries must not count a file twice or not at all.
            throw new NotImplementedException($"process {key} ({csv.Length} characters)");
        }
    }
}
