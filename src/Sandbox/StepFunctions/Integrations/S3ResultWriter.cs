using System.Text.Json.Nodes;
using Course.Sandbox.Services.S3;
using Course.Sandbox.StepFunctions.Executions;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Integrations;

/// <summary>
/// Writes a distributed Map run's results to the simulation's Amazon S3 (catalogue row SFN_13):
/// <c>&lt;Prefix&gt;/&lt;map run id&gt;/SUCCEEDED_0.json</c> and <c>FAILED_0.json</c> (an array with one record per
/// child execution) and <c>manifest.json</c> listing them; the Map state's result becomes
/// <c>{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}</c> naming the manifest.
/// </summary>
internal static class S3ResultWriter
{
    /// <summary>Writes the files and returns the Map state's result.</summary>
    /// <exception cref="StatesException">States.ResultWriterFailed.</exception>
    public static JsonObject Write(S3Service s3, JsonObject parameters, string mapRunArn, string mapRunId, IReadOnlyList<Execution> children)
    {
        var bucket = JsonValues.AsString(parameters["Bucket"]) ?? throw new StatesException(StatesErrors.ResultWriterFailed, "the ResultWriter Parameters need a Bucket string");
        var prefix = (JsonValues.AsString(parameters["Prefix"]) ?? "").TrimEnd('/');
        var folder = prefix.Length == 0 ? mapRunId : $"{prefix}/{mapRunId}";
        var files = new JsonObject { ["FAILED"] = new JsonArray(), ["PENDING"] = new JsonArray(), ["SUCCEEDED"] = new JsonArray() };
        try
        {
            Put("SUCCEEDED", children.Where(c => c.Status == ExecutionStatus.Succeeded));
            Put("FAILED", children.Where(c => c.Status is ExecutionStatus.Failed or ExecutionStatus.TimedOut or ExecutionStatus.Aborted));
            var manifestKey = $"{folder}/manifest.json";
            var manifest = new JsonObject { ["DestinationBucket"] = bucket, ["MapRunArn"] = mapRunArn, ["ResultFiles"] = files };
            s3.PutObject(bucket, manifestKey, JsonValues.Text(manifest), "application/json");
            return new JsonObject
            {
                ["MapRunArn"] = mapRunArn,
                ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = manifestKey },
            };
        }
        catch (S3Exception e)
        {
            throw new StatesException(StatesErrors.ResultWriterFailed, $"s3:putObject to bucket '{bucket}' failed: {e.ErrorCode}: {e.Message}");
        }

        void Put(string status, IEnumerable<Execution> executions)
        {
            var records = new JsonArray([.. executions.Select(Record)]);
            if (records.Count == 0)
            {
                return;
            }

            var key = $"{folder}/{status}_0.json";
            var text = JsonValues.Text(records);
            s3.PutObject(bucket, key, text, "application/json");
            ((JsonArray)files[status]!).Add(new JsonObject { ["Key"] = key, ["Size"] = System.Text.Encoding.UTF8.GetByteCount(text) });
        }
    }

    private static JsonNode Record(Execution e)
    {
        var o = new JsonObject
        {
            ["ExecutionArn"] = e.Arn,
            ["Input"] = e.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = e.Name,
        };
        if (e.Status == ExecutionStatus.Succeeded)
        {
            o["Output"] = e.Output;
            o["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        else
        {
            if (e.Error is not null)
            {
                o["Error"] = e.Error;
            }

            if (e.Cause is not null)
            {
                o["Cause"] = e.Cause;
            }
        }

        o["StartDate"] = Timestamps.Format(e.StartDate);
        o["StateMachineArn"] = e.StateMachine.Arn;
        o["Status"] = e.StatusText;
        o["StopDate"] = e.StopDate is { } stop ? Timestamps.Format(stop) : null;
        return o;
    }
}
