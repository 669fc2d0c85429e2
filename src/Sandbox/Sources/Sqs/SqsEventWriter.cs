using System.Buffers;
using System.Text;
using System.Text.Json;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sqs;

/// <summary>
/// Writes the event Lambda passes to a function for a batch of SQS messages, member for member and in the order AWS
/// writes them: <c>{"Records":[{"messageId","receiptHandle","body","attributes","messageAttributes","md5OfBody",
/// "md5OfMessageAttributes"?,"eventSource":"aws:sqs","eventSourceARN","awsRegion"}]}</c>.
/// </summary>
internal sealed class SqsEventWriter(string queueArn, string region)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <summary>The event JSON for <paramref name="batch"/>.</summary>
    public string Write(IReadOnlyList<SqsReceivedMessage> batch)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("Records");
            foreach (var m in batch)
            {
                WriteRecord(w, m);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private void WriteRecord(Utf8JsonWriter w, SqsReceivedMessage m)
    {
        w.WriteStartObject();
        w.WriteString("messageId", m.MessageId);
        w.WriteString("receiptHandle", m.ReceiptHandle);
        w.WriteString("body", m.Body);
        w.WriteStartObject("attributes");
        var a = m.Attributes;
        Attribute(w, a, "ApproximateReceiveCount");
        Attribute(w, a, "SentTimestamp");
        Attribute(w, a, "SequenceNumber");
        Attribute(w, a, "MessageGroupId");
        Attribute(w, a, "SenderId");
        Attribute(w, a, "MessageDeduplicationId");
        Attribute(w, a, "ApproximateFirstReceiveTimestamp");
        w.WriteEndObject();
        w.WriteStartObject("messageAttributes");
        foreach (var (name, attribute) in m.MessageAttributes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(name);
            if (attribute.IsBinary)
            {
                w.WriteBase64String("binaryValue", attribute.BinaryValue);
            }
            else
            {
                w.WriteString("stringValue", attribute.StringValue);
            }
            w.WriteStartArray("stringListValues");
            w.WriteEndArray();
            w.WriteStartArray("binaryListValues");
            w.WriteEndArray();
            w.WriteString("dataType", attribute.DataType);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteString("md5OfBody", m.MD5OfBody);
        if (m.MD5OfMessageAttributes is { } md5)
        {
            w.WriteString("md5OfMessageAttributes", md5);
        }
        w.WriteString("eventSource", "aws:sqs");
        w.WriteString("eventSourceARN", queueArn);
        w.WriteString("awsRegion", region);
        w.WriteEndObject();
    }

    private static void Attribute(Utf8JsonWriter w, IReadOnlyDictionary<string, string> attributes, string name)
    {
        if (attributes.TryGetValue(name, out var value))
        {
            w.WriteString(name, value);
        }
    }
}
