using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Sources.DynamoDb;

public sealed partial class DynamoDbEventSourceMapping
{
    /// <summary>Sends the DDB_05 metadata record of a discarded batch to the on-failure destination.</summary>
    private void Discard(Lane lane, Batch batch, string condition, string why)
    {
        var now = _sim.Now;
        RecordsDiscarded += batch.Records.Count;
        if (_o.OnFailure is not { } target)
        {
            _sim.Trace.Add(now, TraceKind.SourceOutcome, _stream.TableName, batch.Last?.RequestId, string.Create(CultureInfo.InvariantCulture,
                $"{batch.Records.Count} record{(batch.Records.Count == 1 ? "" : "s")} ({batch.First}…{batch.Last0}) discarded ({condition}: {why}); no on-failure destination configured"));
            return;
        }
        var r = batch.Last;
        var record = new JsonObject
        {
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = r?.RequestId ?? _sim.NewRequestId(),
                ["functionArn"] = _function.Arn,
                ["condition"] = condition,
                ["approximateInvokeCount"] = batch.Invokes,
            },
            ["responseContext"] = new JsonObject
            {
                ["statusCode"] = r?.StatusCode ?? 0,
                ["executedVersion"] = "$LATEST",
                ["functionError"] = r?.FunctionError ?? (r is { Throttled: true } ? null : "Unhandled"),
            },
            ["version"] = "1.0",
            ["timestamp"] = LogStream.Timestamp(now),
            ["DDBStreamBatchInfo"] = new JsonObject
            {
                ["shardId"] = lane.Shard.Id,
                ["startSequenceNumber"] = batch.First,
                ["endSequenceNumber"] = batch.Last0,
                ["approximateArrivalOfFirstRecord"] = Seconds(batch.Records[0].ApproximateCreationDateTime),
                ["approximateArrivalOfLastRecord"] = Seconds(batch.Records[^1].ApproximateCreationDateTime),
                ["batchSize"] = batch.Records.Count,
                ["streamArn"] = _stream.StreamArn,
            },
        };
        if (r is null)
        {
            record.Remove("responseContext");
        }
        target.Deliver(new AsyncDelivery(record.ToJsonString(), new Dictionary<string, string>()));
        _sim.Trace.Add(now, TraceKind.DestinationDelivered, _stream.TableName, r?.RequestId, string.Create(CultureInfo.InvariantCulture,
            $"{batch.Records.Count} record{(batch.Records.Count == 1 ? "" : "s")} ({batch.First}…{batch.Last0}) discarded ({condition}: {why}); metadata sent to {target.Arn}"));
    }

    private static string Seconds(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
