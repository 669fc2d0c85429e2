using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.S3;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Integrations;

/// <summary>
/// Reads a distributed Map's dataset from the simulation's Amazon S3 (catalogue row SFN_13): <c>s3:getObject</c> as a
/// JSON array, JSON Lines or CSV (a header row or given headers; every value a string), or <c>s3:listObjectsV2</c>
/// as one item per object (<c>Etag</c>, <c>Key</c>, <c>LastModified</c> in epoch seconds, <c>Size</c>,
/// <c>StorageClass</c>) in key order. Any problem is <c>States.ItemReaderFailed</c>.
/// </summary>
internal static class S3ItemReader
{
    /// <summary>The items, at most <paramref name="maxItems"/> of them.</summary>
    /// <param name="s3">The simulation's S3.</param>
    /// <param name="reader">The ItemReader.</param>
    /// <param name="parameters">Its Parameters after path and intrinsic evaluation.</param>
    /// <param name="maxItems">The item limit (null = all).</param>
    /// <exception cref="StatesException">States.ItemReaderFailed.</exception>
    public static List<JsonNode?> Read(S3Service s3, ItemReaderDefinition reader, JsonObject parameters, long? maxItems)
    {
        var bucket = JsonValues.AsString(parameters["Bucket"]) ?? throw Failed("the ItemReader Parameters need a Bucket string");
        var items = reader.Action == "listObjectsV2" ? List(s3, bucket, JsonValues.AsString(parameters["Prefix"]) ?? "") : Parse(s3, reader, bucket, parameters);
        return maxItems is long max && items.Count > max ? items.GetRange(0, (int)max) : items;
    }

    private static List<JsonNode?> List(S3Service s3, string bucket, string prefix)
    {
        S3Bucket found;
        try
        {
            found = s3.GetBucket(bucket);
        }
        catch (S3Exception e)
        {
            throw Failed($"s3:listObjectsV2 on bucket '{bucket}' failed: {e.ErrorCode}: {e.Message}");
        }

        return [.. found.Objects
            .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (JsonNode?)new JsonObject
            {
                ["Etag"] = o.ETag,
                ["Key"] = o.Key,
                ["LastModified"] = o.LastModified.ToUnixTimeSeconds(),
                ["Size"] = o.Size,
                ["StorageClass"] = "STANDARD",
            })];
    }

    private static List<JsonNode?> Parse(S3Service s3, ItemReaderDefinition reader, string bucket, JsonObject parameters)
    {
        var key = JsonValues.AsString(parameters["Key"]) ?? throw Failed("the ItemReader Parameters need a Key string for s3:getObject");
        string text;
        try
        {
            text = s3.GetObject(bucket, key).ReadAsString();
        }
        catch (S3Exception e)
        {
            throw Failed($"s3:getObject of s3://{bucket}/{key} failed: {e.ErrorCode}: {e.Message}");
        }

        var where = $"s3://{bucket}/{key}";
        return reader.InputType switch
        {
            "JSON" => Json(text, where),
            "JSONL" => JsonLines(text, where),
            _ => Csv(text, reader, where),
        };
    }

    private static List<JsonNode?> Json(string text, string where)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray array ? [.. array.Select(JsonValues.Copy)] : throw Failed($"{where} is not a JSON array (InputType JSON reads an array of items)");
        }
        catch (JsonException e)
        {
            throw Failed($"{where} is not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static List<JsonNode?> JsonLines(string text, string where)
    {
        var items = new List<JsonNode?>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                items.Add(JsonNode.Parse(line));
            }
            catch (JsonException e)
            {
                throw Failed($"{where} line {i + 1} is not valid JSON: {e.Message.Split(" Path:")[0]}");
            }
        }

        return items;
    }

    private static List<JsonNode?> Csv(string text, ItemReaderDefinition reader, string where)
    {
        List<List<string>> records;
        try
        {
            records = CsvRecords.Read(text, reader.CsvDelimiter);
        }
        catch (FormatException e)
        {
            throw Failed($"{where} is not valid CSV: {e.Message}");
        }

        var headers = reader.CsvHeaderLocation == "GIVEN" ? reader.CsvHeaders : records.Count > 0 ? records[0] : [];
        var rows = reader.CsvHeaderLocation == "GIVEN" ? records : records.Skip(1);
        var items = new List<JsonNode?>();
        var number = reader.CsvHeaderLocation == "GIVEN" ? 0 : 1;
        foreach (var row in rows)
        {
            number++;
            if (row.Count != headers.Count)
            {
                throw Failed($"{where} row {number} has {row.Count} fields but there are {headers.Count} headers");
            }

            var item = new JsonObject();
            for (var i = 0; i < headers.Count; i++)
            {
                item[headers[i]] = row[i];
            }

            items.Add(item);
        }

        return items;
    }

    private static StatesException Failed(string cause) => new(StatesErrors.ItemReaderFailed, cause);
}
