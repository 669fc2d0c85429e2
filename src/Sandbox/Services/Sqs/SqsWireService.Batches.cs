using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.Sqs;

public sealed partial class SqsWireService
{
    private string SendMessageBatch(JsonElement input)
    {
        var queue = Queue(input);
        var entries = Entries(input);
        var total = entries.Sum(e => Encoding.UTF8.GetByteCount(Str(e, "MessageBody") ?? string.Empty));
        if (total > queue.Attributes.MaximumMessageSize)
        {
            throw new SqsException("BatchRequestTooLong", $"Batch requests cannot be longer than {queue.Attributes.MaximumMessageSize} bytes. You have sent {total} bytes.");
        }

        return Write(w =>
        {
            var failed = new List<(string Id, SqsException Error)>();
            w.WriteStartArray("Successful");
            foreach (var entry in entries)
            {
                var id = Str(entry, "Id")!;
                try
                {
                    var result = queue.Send(SendRequest(entry, "MessageBody"));
                    w.WriteStartObject();
                    w.WriteString("Id", id);
                    WriteSendResult(w, result);
                    w.WriteEndObject();
                }
                catch (SqsException e)
                {
                    failed.Add((id, e));
                }
            }

            w.WriteEndArray();
            WriteFailed(w, failed);
        });
    }

    private string Batch(JsonElement input, Action<SqsQueue, JsonElement> action)
    {
        var queue = Queue(input);
        var entries = Entries(input);
        return Write(w =>
        {
            var failed = new List<(string Id, SqsException Error)>();
            w.WriteStartArray("Successful");
            foreach (var entry in entries)
            {
                var id = Str(entry, "Id")!;
                try
                {
                    action(queue, entry);
                    w.WriteStartObject();
                    w.WriteString("Id", id);
                    w.WriteEndObject();
                }
                catch (SqsException e)
                {
                    failed.Add((id, e));
                }
            }

            w.WriteEndArray();
            WriteFailed(w, failed);
        });
    }

    private static void WriteFailed(Utf8JsonWriter w, List<(string Id, SqsException Error)> failed)
    {
        w.WriteStartArray("Failed");
        foreach (var (id, error) in failed)
        {
            w.WriteStartObject();
            w.WriteString("Id", id);
            w.WriteBoolean("SenderFault", error.SenderFault);
            w.WriteString("Code", error.ErrorCode);
            w.WriteString("Message", error.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static List<JsonElement> Entries(JsonElement input)
    {
        if (!input.TryGetProperty("Entries", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new SqsException("EmptyBatchRequest", "There should be at least one entry in the request.");
        }

        var entries = array.EnumerateArray().ToList();
        if (entries.Count > 10)
        {
            throw new SqsException("TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {entries.Count}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var id = Str(entry, "Id") ?? string.Empty;
            if (!BatchIdPattern().IsMatch(id))
            {
                throw new SqsException("InvalidBatchEntryId", $"A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Invalid id: '{id}'.");
            }

            if (!ids.Add(id))
            {
                throw new SqsException("BatchEntryIdsNotDistinct", $"Id {id} repeated.");
            }
        }

        return entries;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex BatchIdPattern();
}
