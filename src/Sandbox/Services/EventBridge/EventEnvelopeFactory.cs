using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Events.Generate;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.EventBridge;

/// <summary>
/// Makes EventBridge event envelopes (<c>version</c>, <c>id</c>, <c>detail-type</c>, <c>source</c>, <c>account</c>,
/// <c>time</c>, <c>region</c>, <c>resources</c>, <c>detail</c>) as the bus delivers them: ids from a seeded
/// <see cref="Random"/>, <c>time</c> from a <see cref="TimeProvider"/> to the second.
/// </summary>
public sealed class EventEnvelopeFactory
{
    private readonly SeededIds _ids;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the factory.</summary>
    /// <param name="random">The seeded source of event ids.</param>
    /// <param name="timeProvider">The clock for <c>time</c> (the simulation's virtual time).</param>
    /// <param name="account">The account id; the default is <c>123456789012</c>.</param>
    /// <param name="region">The region; the default is <c>us-east-1</c>.</param>
    public EventEnvelopeFactory(Random random, TimeProvider timeProvider, string account = "123456789012", string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _ids = new SeededIds(random);
        _timeProvider = timeProvider;
        Account = account;
        Region = region;
    }

    /// <summary>The account id written into envelopes.</summary>
    public string Account { get; }

    /// <summary>The region written into envelopes.</summary>
    public string Region { get; }

    /// <summary>Makes an envelope around <paramref name="detail"/>.</summary>
    /// <param name="source">The emitter, such as <c>com.example.orders</c> or <c>aws.s3</c>.</param>
    /// <param name="detailType">The kind of event, such as <c>Order Placed</c>.</param>
    /// <param name="detail">The detail, a JSON object; null means <c>{}</c>.</param>
    /// <param name="resources">ARNs the event is about; none by default.</param>
    /// <returns>The envelope, with members in AWS's order.</returns>
    /// <exception cref="ArgumentException">Source or detail-type is empty, or the detail is not a JSON object.</exception>
    public JsonObject Create(string source, string detailType, JsonNode? detail = null, IEnumerable<string>? resources = null)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("Source is required, such as \"com.example.orders\".", nameof(source));
        }

        if (string.IsNullOrWhiteSpace(detailType))
        {
            throw new ArgumentException("DetailType is required, such as \"Order Placed\".", nameof(detailType));
        }

        if (detail is not null and not JsonObject)
        {
            throw new ArgumentException("Detail must be a JSON object, such as {\"orderId\": \"o-1\"}.", nameof(detail));
        }

        var time = _timeProvider.GetUtcNow().ToUniversalTime();
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = _ids.Uuid(),
            ["detail-type"] = detailType,
            ["source"] = source,
            ["account"] = Account,
            ["time"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = Region,
            ["resources"] = new JsonArray((resources ?? []).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["detail"] = detail?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>
    /// Makes the event a scheduled rule sends: source <c>aws.events</c>, detail-type <c>Scheduled Event</c>,
    /// the rule's ARN as the only resource and an empty detail.
    /// </summary>
    /// <param name="ruleName">The name of the scheduled rule.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="ArgumentException">The rule name is empty.</exception>
    public JsonObject CreateScheduled(string ruleName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleName);
        return Create("aws.events", "Scheduled Event", new JsonObject(), [$"arn:aws:events:{Region}:{Account}:rule/{ruleName}"]);
    }

    /// <summary>Makes an envelope around the JSON text <paramref name="detailJson"/>.</summary>
    /// <param name="source">The emitter.</param>
    /// <param name="detailType">The kind of event.</param>
    /// <param name="detailJson">The detail as JSON text (an object).</param>
    /// <param name="resources">ARNs the event is about.</param>
    /// <returns>The envelope as compact JSON text.</returns>
    /// <exception cref="ArgumentException">The detail is not valid JSON or not an object, or a required field is empty.</exception>
    public string CreateJson(string source, string detailType, string detailJson = "{}", IEnumerable<string>? resources = null)
    {
        JsonNode? detail;
        try
        {
            detail = JsonNode.Parse(detailJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Detail is not valid JSON: {e.Message}", nameof(detailJson), e);
        }

        return Create(source, detailType, detail, resources).ToJsonString();
    }
}
