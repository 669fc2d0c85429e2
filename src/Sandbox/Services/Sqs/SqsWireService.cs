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

    private SqsQueue Queue(JsonElement input) => _sqs.GetQueue(QueueUrl(input));

    private static string QueueUrl(JsonElement input) => Str(input, "QueueUrl") ?? throw SqsException.MissingParameter("QueueUrl");

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
}
