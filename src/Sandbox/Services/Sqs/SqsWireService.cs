using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// SQS on the wire, as AWSSDK.SQS 4.x speaks it: the AWS JSON 1.0 protocol (<c>POST /</c>,
/// <c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>, <c>application/x-amz-json-1.0</c>). Errors are
/// <c>{"__type":"com.amazonaws.sqs#&lt;Code&gt;","message":…}</c>, which the SDK turns into its typed exceptions
/// (<c>QueueDoesNotExistException</c>, <c>ReceiptHandleIsInvalidException</c>, …). Like AWS, error responses also carry
/// the <c>x-amzn-query-error</c> header with SQS's legacy query-protocol code, which the SDK puts in
/// <c>ErrorCode</c>: a missing queue throws <c>QueueDoesNotExistException</c> whose <c>ErrorCode</c> is
/// <c>AWS.SimpleQueueService.NonExistentQueue</c>, exactly as against AWS.
/// </summary>
/// <remarks>
/// Modelled latency per operation (reported to the observer, not waited): SendMessage, ReceiveMessage, DeleteMessage,
/// ChangeMessageVisibility 10 ms; batch operations 15 ms; GetQueueUrl, GetQueueAttributes, ListQueues 20 ms;
/// CreateQueue, DeleteQueue, PurgeQueue 50 ms. A long-poll receive also spends its wait on the virtual clock.
/// </remarks>
public sealed partial class SqsWireService : IWireService
{
    private const string TargetPrefix = "AmazonSQS.";
    private readonly SqsService _sqs;
    private readonly FaultInjector? _faults;
    private readonly IServiceCallObserver? _observer;

    /// <summary>Creates the endpoint over <paramref name="sqs"/>.</summary>
    /// <param name="sqs">The sandbox SQS.</param>
    /// <param name="faults">Asked before each operation runs; a failing decision answers
    /// <c>RequestThrottled</c> (throttling kinds, 400) or <c>InternalError</c> (500). Null (the default) injects nothing.</param>
    /// <param name="observer">Receives every handled call; null for none.</param>
    public SqsWireService(SqsService sqs, FaultInjector? faults = null, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        _sqs = sqs;
        _faults = faults;
        _observer = observer;
    }

    /// <inheritdoc />
    public string ServiceId => "sqs";

    /// <summary>The modelled latency of one operation (see the remarks on <see cref="SqsWireService"/>).</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The latency.</returns>
    public static TimeSpan ModelledLatency(string operation) => TimeSpan.FromMilliseconds(operation switch
    {
        "SendMessage" or "ReceiveMessage" or "DeleteMessage" or "ChangeMessageVisibility" => 10,
        "SendMessageBatch" or "DeleteMessageBatch" or "ChangeMessageVisibilityBatch" => 15,
        "GetQueueUrl" or "GetQueueAttributes" or "ListQueues" => 20,
        _ => 50,
    });

    /// <inheritdoc />
    public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        HttpResponseMessage response;
        var outcome = ServiceCall.Success;
        var latency = ModelledLatency(operation);
        try
        {
            var decision = FaultDecision.None;
            if (_faults is not null)
            {
                lock (_faults)
                {
                    decision = _faults.Decide(operation);
                }
            }

            latency += decision.ExtraLatency;
            if (decision.Fails)
            {
                throw decision.Kind == FaultKind.InternalServerError
                    ? new SqsException("InternalError", "We encountered an internal error. Please try again.", senderFault: false)
                    : new SqsException("RequestThrottled", "Request is throttled.");
            }

            var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var json = await DispatchAsync(operation, doc.RootElement, cancellationToken).ConfigureAwait(false);
            response = Json(HttpStatusCode.OK, json);
        }
        catch (SqsException e)
        {
            outcome = e.ErrorCode;
            response = Error(e.SenderFault ? HttpStatusCode.BadRequest : HttpStatusCode.InternalServerError, e.ErrorCode, e.Message);
        }
        catch (JsonException e)
        {
            outcome = "SerializationException";
            response = Error(HttpStatusCode.BadRequest, "SerializationException", "The request body is not valid JSON: " + e.Message);
        }

        response.RequestMessage = request;
        _observer?.OnCall(new ServiceCall(ServiceId, operation, outcome, latency));
        return response;
    }

    private async Task<string> DispatchAsync(string operation, JsonElement input, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "CreateQueue":
                var queue = _sqs.CreateQueue(Str(input, "QueueName") ?? throw SqsException.MissingParameter("QueueName"), StringMap(input, "Attributes"));
                return Write(w => w.WriteString("QueueUrl", queue.Url));
            case "GetQueueUrl":
                var url = _sqs.GetQueueUrl(Str(input, "QueueName") ?? throw SqsException.MissingParameter("QueueName"));
                return Write(w => w.WriteString("QueueUrl", url));
            case "ListQueues":
                var prefix = Str(input, "QueueNamePrefix") ?? string.Empty;
                var urls = _sqs.Queues.Where(q => q.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(q => q.Url).ToList();
                return Write(w => WriteArray(w, "QueueUrls", urls));
            case "DeleteQueue":
                _sqs.DeleteQueue(QueueUrl(input));
                return "{}";
            case "PurgeQueue":
                Queue(input).Purge();
                return "{}";
            case "GetQueueAttributes":
                return GetQueueAttributes(input);
            case "SendMessage":
                var sent = Queue(input).Send(SendRequest(input, "MessageBody"));
                return Write(w => WriteSendResult(w, sent));
            case "SendMessageBatch":
                return SendMessageBatch(input);
            case "ReceiveMessage":
                return await ReceiveMessageAsync(input, cancellationToken).ConfigureAwait(false);
            case "DeleteMessage":
                Queue(input).Delete(Str(input, "ReceiptHandle") ?? throw SqsException.MissingParameter("ReceiptHandle"));
                return "{}";
            case "DeleteMessageBatch":
                return Batch(input, (q, e) => q.Delete(Str(e, "ReceiptHandle") ?? throw SqsException.MissingParameter("ReceiptHandle")));
            case "ChangeMessageVisibility":
                Queue(input).ChangeVisibility(Str(input, "ReceiptHandle") ?? throw SqsException.MissingParameter("ReceiptHandle"), Seconds(input, "VisibilityTimeout") ?? throw SqsException.MissingParameter("VisibilityTimeout"));
                return "{}";
            case "ChangeMessageVisibilityBatch":
                return Batch(input, (q, e) => q.ChangeVisibility(Str(e, "ReceiptHandle") ?? throw SqsException.MissingParameter("ReceiptHandle"), Seconds(e, "VisibilityTimeout") ?? throw SqsException.MissingParameter("VisibilityTimeout")));
            default:
                throw new SqsException("UnsupportedOperation",
                    $"The sandbox SQS does not support the operation '{(operation.Length == 0 ? "(no X-Amz-Target header)" : operation)}'.");
        }
    }

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

    private SqsQueue Queue(JsonElement input) => _sqs.GetQueue(QueueUrl(input));

    private static string QueueUrl(JsonElement input) => Str(input, "QueueUrl") ?? throw SqsException.MissingParameter("QueueUrl");

    private static string? Str(JsonElement input, string name) =>
        input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement input, string name)
    {
        if (input.ValueKind != JsonValueKind.Object || !input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
            : throw SqsException.InvalidParameter(name, value.GetRawText(), "Must be an integer.");
    }

    private static TimeSpan? Seconds(JsonElement input, string name) => Int(input, name) is { } s ? TimeSpan.FromSeconds(s) : null;

    private static List<string> StringList(JsonElement input, string name) =>
        input.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static Dictionary<string, string>? StringMap(JsonElement input, string name) =>
        input.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
            : null;

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body) => JsonObjectText.Write(body);

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        return response;
    }

    private static readonly Dictionary<string, string> LegacyCodes = new(StringComparer.Ordinal)
    {
        ["QueueDoesNotExist"] = "AWS.SimpleQueueService.NonExistentQueue",
        ["QueueNameExists"] = "QueueAlreadyExists",
        ["MessageNotInflight"] = "AWS.SimpleQueueService.MessageNotInflight",
        ["BatchEntryIdsNotDistinct"] = "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
        ["EmptyBatchRequest"] = "AWS.SimpleQueueService.EmptyBatchRequest",
        ["TooManyEntriesInBatchRequest"] = "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
        ["InvalidBatchEntryId"] = "AWS.SimpleQueueService.InvalidBatchEntryId",
        ["BatchRequestTooLong"] = "AWS.SimpleQueueService.BatchRequestTooLong",
        ["UnsupportedOperation"] = "AWS.SimpleQueueService.UnsupportedOperation",
        ["PurgeQueueInProgress"] = "AWS.SimpleQueueService.PurgeQueueInProgress",
        ["QueueDeletedRecently"] = "AWS.SimpleQueueService.QueueDeletedRecently",
    };

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message)
    {
        var response = Json(status, Write(w =>
        {
            w.WriteString("__type", "com.amazonaws.sqs#" + code);
            w.WriteString("message", message);
        }));
        var legacy = LegacyCodes.GetValueOrDefault(code, code);
        response.Headers.TryAddWithoutValidation("x-amzn-query-error", $"{legacy};{((int)status < 500 ? "Sender" : "Receiver")}");
        return response;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex BatchIdPattern();
}
