using System.Text.Json;

namespace Course.Sandbox.Sources;

/// <summary>
/// Reads a function's partial batch response (<c>{"batchItemFailures":[{"itemIdentifier":"…"}]}</c>) the way Lambda
/// does for SQS (SQS_03) and streams (DDB_04). Complete success: no response, <c>null</c>, an empty object, a null or
/// empty <c>batchItemFailures</c> list. Complete failure: a response that is not JSON or not a JSON object, a
/// <c>batchItemFailures</c> that is not a list, an entry without an <c>itemIdentifier</c> key (wrong key name), a null
/// or empty identifier, or an identifier that is not in the batch.
/// </summary>
internal static class BatchItemFailures
{
    /// <summary>The outcome of reading a response.</summary>
    /// <param name="Failed">The identifiers reported as failed (empty for complete success); null when the whole batch failed.</param>
    /// <param name="Reason">Why the whole batch failed, when it did.</param>
    internal readonly record struct Result(IReadOnlyList<string>? Failed, string? Reason)
    {
        public bool WholeBatchFailed => Failed is null;
    }

    private static readonly Result Success = new([], null);

    /// <summary>Parses <paramref name="payload"/> against the identifiers of the batch.</summary>
    public static Result Parse(string? payload, Func<string, bool> inBatch)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return Success;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return Fail("the response is not valid JSON");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return Success;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail($"the response is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with batchItemFailures");
            }
            if (!root.TryGetProperty("batchItemFailures", out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return Success;
            }
            if (list.ValueKind != JsonValueKind.Array)
            {
                return Fail("batchItemFailures is not a list");
            }
            var failed = new List<string>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("itemIdentifier", out var id))
                {
                    return Fail("a batchItemFailures entry has no itemIdentifier key");
                }
                if (id.ValueKind == JsonValueKind.Null)
                {
                    return Fail("an itemIdentifier is null");
                }
                if (id.ValueKind != JsonValueKind.String)
                {
                    return Fail("an itemIdentifier is not a string");
                }
                var text = id.GetString()!;
                if (text.Length == 0)
                {
                    return Fail("an itemIdentifier is empty");
                }
                if (!inBatch(text))
                {
                    return Fail($"itemIdentifier '{text}' is not in the batch");
                }
                if (!failed.Contains(text))
                {
                    failed.Add(text);
                }
            }
            return new Result(failed, null);
        }
    }

    private static Result Fail(string reason) => new(null, reason);
}
