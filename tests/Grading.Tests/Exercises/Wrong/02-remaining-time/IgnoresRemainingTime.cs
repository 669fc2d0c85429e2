// expect-fail: stops-before-deadline
// Never looks at context.RemainingTime: a long job runs into the timeout.
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.Core;

namespace RemainingTime;

/// <summary>One unit of work: its id and what it costs to process, in milliseconds.</summary>
public sealed record WorkItem(string Id, int CostMs);

/// <summary>The request: a job's items and where to start (0 on the first call, then the cursor the last call returned).</summary>
public sealed record JobRequest(string JobId, List<WorkItem> Items, int Cursor);

/// <summary>The response: the index of the first item not processed yet, and whether the job is finished.</summary>
public sealed record JobProgress(int Cursor, bool Done);

/// <summary>Works through a job's items until the next one would not fit in the time left, then hands back a cursor.</summary>
public class Function
{
    // Room for the item's PutItem (a few ms) and the response, so the invocation ends well before its deadline.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "processed";

    public async Task<JobProgress> FunctionHandler(JobRequest request, ILambdaContext context)
    {
        var items = request.Items ?? new List<WorkItem>();
        for (var i = Math.Max(0, request.Cursor); i < items.Count; i++)
        {
            var item = items[i];

            Thread.Sleep(item.CostMs);   // the item's work (virtual time: it counts against the timeout)
            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new AttributeValue { S = item.Id },
                    ["jobId"] = new AttributeValue { S = request.JobId },
                    ["processedBy"] = new AttributeValue { S = context.AwsRequestId },
                },
            });
        }

        return new JobProgress(items.Count, true);
    }
}
