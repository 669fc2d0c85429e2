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

/// <summary>Works through a job's items. Run `./grade exercises/02-remaining-time` to check it.</summary>
public class Function
{
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "processed";

    public async Task<JobProgress> FunctionHandler(JobRequest request, ILambdaContext context)
    {
        // TODO (task 3): start at request.Cursor, not at 0, so a second call resumes where the first stopped.
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];

            // TODO (task 2): before each item, check context.RemainingTime; when item.CostMs (plus a margin for the
            // write) no longer fits, stop and return new JobProgress(i, false).

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

        // TODO (task 1): the job is finished here: say so, with the cursor past the last item.
        return new JobProgress(0, false);
    }
}
