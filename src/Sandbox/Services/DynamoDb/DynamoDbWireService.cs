using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// DynamoDB as the AWS SDK for .NET sees it: answers the JSON 1.0 protocol (<c>POST /</c>,
/// <c>X-Amz-Target: DynamoDB_20120810.&lt;Operation&gt;</c>, <c>Content-Type: application/x-amz-json-1.0</c>).
/// Successful calls answer HTTP 200 with the response JSON; errors answer HTTP 400 (500 for
/// <c>InternalServerError</c>) with <c>{"__type":"com.amazonaws.dynamodb.v20120810#Code","message":"…"}</c>, which the
/// SDK turns into its own exception types (<c>ConditionalCheckFailedException</c>, <c>ResourceNotFoundException</c>, …).
/// Before running an operation it asks the optional <see cref="FaultInjector"/>; after answering it reports a
/// <see cref="ServiceCall"/> with the latency from <see cref="DynamoDbLatencyModel"/> to the optional observer.
/// </summary>
public sealed class DynamoDbWireService : IWireService
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private const string ContentType = "application/x-amz-json-1.0";

    private readonly DynamoDbService _service;
    private readonly FaultInjector? _faults;
    private readonly IServiceCallObserver? _observer;
    private readonly Lock _faultGate = new();
    private long _requests;

    /// <summary>Creates the endpoint for <paramref name="service"/>.</summary>
    /// <param name="service">The DynamoDB that runs the operations.</param>
    /// <param name="faults">Optional fault injector consulted before each operation; none when null.</param>
    /// <param name="observer">Optional observer told about each answered call; none when null.</param>
    public DynamoDbWireService(DynamoDbService service, FaultInjector? faults = null, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _faults = faults;
        _observer = observer;
    }

    /// <inheritdoc/>
    public string ServiceId => "dynamodb";

    /// <summary>The DynamoDB this endpoint answers for.</summary>
    public DynamoDbService Service => _service;

    /// <inheritdoc/>
    public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var requestNumber = Interlocked.Increment(ref _requests);

        var latency = DynamoDbLatencyModel.For(operation);
        var outcome = ServiceCall.Success;
        HttpResponseMessage response;
        try
        {
            if (!DynamoDbService.SupportedOperations.Contains(operation))
            {
                throw DynamoDbService.UnsupportedOperation(operation.Length == 0 ? "(no X-Amz-Target header)" : operation);
            }

            FaultDecision decision;
            lock (_faultGate)
            {
                decision = _faults?.Decide(operation) ?? FaultDecision.None;
            }

            latency += decision.ExtraLatency;
            if (decision.Fails)
            {
                throw Fault(decision.Kind);
            }

            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var result = _service.Invoke(operation, document.RootElement);
            response = Json(HttpStatusCode.OK, result.ToJsonString());
        }
        catch (DynamoDbException e)
        {
            outcome = e.ErrorCode;
            response = Json((HttpStatusCode)e.StatusCode, ErrorBody(e));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // The body is not JSON, or a member has the wrong JSON type (a number where a string belongs, bad base64, …).
            outcome = "SerializationException";
            response = Json(HttpStatusCode.BadRequest, ErrorBody(new DynamoDbException("SerializationException",
                $"The sandbox's DynamoDB could not read the {operation} request: {e.Message}")));
        }

        response.Headers.Add("x-amzn-RequestId", requestNumber.ToString("D20", CultureInfo.InvariantCulture));
        response.RequestMessage = request;
        _observer?.OnCall(new ServiceCall(ServiceId, operation, outcome, latency));
        return response;
    }

    private static DynamoDbException Fault(FaultKind kind) => kind switch
    {
        FaultKind.ProvisionedThroughputExceeded => new("ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."),
        FaultKind.Throttling => new("ThrottlingException", "Rate of requests exceeds the allowed throughput."),
        _ => new("InternalServerError", "Internal server error", 500),
    };

    private static string ErrorBody(DynamoDbException e)
    {
        var ns = e.ErrorCode == "ValidationException" ? "com.amazon.coral.validate" : "com.amazonaws.dynamodb.v20120810";
        var json = new JsonObject { ["__type"] = $"{ns}#{e.ErrorCode}", ["message"] = e.Message };
        if (e.CancellationReasons is { } reasons)
        {
            json["CancellationReasons"] = reasons.DeepClone();
        }

        if (e.Item is { } item)
        {
            json["Item"] = item.DeepClone();
        }

        return json.ToJsonString();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return new HttpResponseMessage(status) { Content = content };
    }
}
