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
    private string GetQueueAttributes(JsonElement input)
    {
        var attributes = Queue(input).GetAttributes();
        var names = StringList(input, "AttributeNames");
        var selected = names.Contains("All")
            ? attributes
            : attributes.Where(a => names.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        foreach (var name in names.Where(n => n != "All" && !attributes.ContainsKey(n) && !KnownAttributeNames.Contains(n)))
        {
            throw new SqsException("InvalidAttributeName", $"Unknown Attribute {name}.");
        }

        return Write(w =>
        {
            w.WriteStartObject("Attributes");
            foreach (var (key, value) in selected.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        });
    }

    private static readonly HashSet<string> KnownAttributeNames = new(StringComparer.Ordinal)
    {
        "Policy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "RedriveAllowPolicy", "RedrivePolicy",
        "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
    };

    private async Task<string> ReceiveMessageAsync(JsonElement input, CancellationToken cancellationToken)
    {
        var queue = Queue(input);
        var max = Int(input, "MaxNumberOfMessages") ?? 1;
        var messages = await queue.ReceiveAsync(max, Seconds(input, "VisibilityTimeout"), Seconds(input, "WaitTimeSeconds"), cancellationToken).ConfigureAwait(false);
        var system = StringList(input, "AttributeNames").Concat(StringList(input, "MessageSystemAttributeNames")).ToHashSet(StringComparer.Ordinal);
        var userNames = StringList(input, "MessageAttributeNames");
        return Write(w =>
        {
            w.WriteStartArray("Messages");
            foreach (var message in messages)
            {
                w.WriteStartObject();
                w.WriteString("MessageId", message.MessageId);
                w.WriteString("ReceiptHandle", message.ReceiptHandle);
                w.WriteString("MD5OfBody", message.MD5OfBody);
                w.WriteString("Body", message.Body);
                var attributes = message.Attributes.Where(a => system.Contains("All") || system.Contains(a.Key)).ToList();
                if (attributes.Count > 0)
                {
                    w.WriteStartObject("Attributes");
                    foreach (var (key, value) in attributes)
                    {
                        w.WriteString(key, value);
                    }

                    w.WriteEndObject();
                }

                var user = message.MessageAttributes.Where(a => Selected(userNames, a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                if (user.Count > 0)
                {
                    w.WriteString("MD5OfMessageAttributes", SqsMd5.OfAttributes(user));
                    WriteMessageAttributes(w, user);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static bool Selected(List<string> names, string name) =>
        names.Any(n => n is "All" or ".*" || n == name || (n.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(n[..^1], StringComparison.Ordinal)));

    private static SqsSendRequest SendRequest(JsonElement input, string bodyName)
    {
        var attributes = new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal);
        if (input.TryGetProperty("MessageAttributes", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                var value = property.Value;
                var binary = Str(value, "BinaryValue");
                attributes[property.Name] = new SqsMessageAttribute(Str(value, "DataType") ?? string.Empty, Str(value, "StringValue"),
                    binary is null ? null : Convert.FromBase64String(binary));
            }
        }

        return new SqsSendRequest
        {
            Body = Str(input, bodyName) ?? string.Empty,
            DelaySeconds = Int(input, "DelaySeconds"),
            MessageAttributes = attributes,
            MessageGroupId = Str(input, "MessageGroupId"),
            MessageDeduplicationId = Str(input, "MessageDeduplicationId"),
        };
    }

    private static void WriteSendResult(Utf8JsonWriter w, SqsSendResult result)
    {
        w.WriteString("MessageId", result.MessageId);
        w.WriteString("MD5OfMessageBody", result.MD5OfMessageBody);
        if (result.MD5OfMessageAttributes is not null)
        {
            w.WriteString("MD5OfMessageAttributes", result.MD5OfMessageAttributes);
        }

        if (result.SequenceNumber is not null)
        {
            w.WriteString("SequenceNumber", result.SequenceNumber);
        }
    }

    private static void WriteMessageAttributes(Utf8JsonWriter w, IReadOnlyDictionary<string, SqsMessageAttribute> attributes)
    {
        w.WriteStartObject("MessageAttributes");
        foreach (var (name, attribute) in attributes)
        {
            w.WriteStartObject(name);
            w.WriteString("DataType", attribute.DataType);
            if (attribute.IsBinary)
            {
                w.WriteString("BinaryValue", Convert.ToBase64String(attribute.BinaryValue ?? []));
            }
            else
            {
                w.WriteString("StringValue", attribute.StringValue);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
