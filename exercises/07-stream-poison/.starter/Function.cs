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
        foreach (var record in streamEvent.Records)
        {
            var image = record.Dynamodb.NewImage;
            // TODO (task 1): read accountId (S), version (N), op (S: deposit | withdraw) and amount (N) from the image and
            // UpdateItem the account in _balances: SET version = :v ADD balance :delta.
            // TODO (task 2): a record can fail (a DynamoDB error, or a change that makes no sense): stop there and report
            // it, so that no later change of the same account is applied before it.
            // TODO (tasks 3–5): see mapping.yaml.
            await Task.CompletedTask;
            throw new NotImplementedException($"apply {record.Dynamodb.SequenceNumber} ({image?.Count ?? 0} attributes)");
        }

        return new StreamsEventResponse { BatchItemFailures = [] };
    }
}
