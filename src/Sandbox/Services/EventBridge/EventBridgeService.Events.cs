using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.EventBridge.Patterns;
using Course.Sandbox.Services.EventBridge.Scheduler;
using Course.Sandbox.Services.EventBridge.Schedules;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Services.EventBridge;

// PutEvents: entries validated one by one, turned into envelopes (EB_04) and routed to the matching rules' targets.
public sealed partial class EventBridgeService
{
    /// <summary>
    /// Puts events on their buses (<c>PutEvents</c>): each accepted entry becomes an envelope (EB_04) matched against
    /// the bus's enabled rules; every matching rule's targets receive it. Entries fail one by one, as on AWS.
    /// </summary>
    /// <param name="entries">1–10 entries.</param>
    /// <returns>One result per entry.</returns>
    /// <exception cref="EventBridgeException"><c>ValidationException</c> for 0 or more than 10 entries.</exception>
    public PutEventsResult PutEvents(IReadOnlyList<PutEventsEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > MaxEntriesPerPutEvents)
        {
            throw EventBridgeException.Constraint($"[{entries.Count} entries]", "entries", $"Member must have length less than or equal to {MaxEntriesPerPutEvents} and greater than or equal to 1");
        }

        var results = entries.Select(PutOne).ToList();
        return new PutEventsResult(results.Count(r => r.EventId is null), results);
    }

    /// <summary>Puts one event built by the engine (Lambda destinations, tests) on <paramref name="bus"/>.</summary>
    /// <param name="bus">The bus.</param>
    /// <param name="source">The source.</param>
    /// <param name="detailType">The detail-type.</param>
    /// <param name="detail">The detail object.</param>
    /// <param name="resources">The resources.</param>
    /// <returns>The event id.</returns>
    public string PutEvent(EventBus bus, string source, string detailType, JsonObject detail, IEnumerable<string>? resources = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var envelope = _envelopes.Create(source, detailType, detail, resources);
        Route(bus, envelope);
        return envelope["id"]!.GetValue<string>();
    }

    private PutEventsResultEntry PutOne(PutEventsEntry entry)
    {
        if (entry is null)
        {
            return new PutEventsResultEntry(null, "InvalidArgument", "Parameter Entries is not valid. Reason: an entry is null.");
        }

        if (string.IsNullOrWhiteSpace(entry.Source))
        {
            return new PutEventsResultEntry(null, "InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }

        if (string.IsNullOrWhiteSpace(entry.DetailType))
        {
            return new PutEventsResultEntry(null, "InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }

        if (string.IsNullOrWhiteSpace(entry.Detail))
        {
            return new PutEventsResultEntry(null, "InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }

        JsonNode? detail;
        try
        {
            detail = JsonNode.Parse(entry.Detail);
        }
        catch (JsonException)
        {
            detail = null;
        }

        if (detail is not JsonObject detailObject)
        {
            return new PutEventsResultEntry(null, "MalformedDetail", "Detail is malformed.");
        }

        var size = System.Text.Encoding.UTF8.GetByteCount(entry.Source + entry.DetailType + entry.Detail) + entry.Resources.Sum(r => System.Text.Encoding.UTF8.GetByteCount(r));
        if (size > MaxEntrySize)
        {
            return new PutEventsResultEntry(null, "InvalidArgument", $"Parameter Entries is not valid. Reason: the entry is {size} bytes; the limit is {MaxEntrySize} bytes (256 KiB).");
        }

        EventBus bus;
        try
        {
            bus = GetEventBus(entry.EventBusName);
        }
        catch (EventBridgeException e)
        {
            return new PutEventsResultEntry(null, e.ErrorCode, e.Message);
        }

        var envelope = _envelopes.Create(entry.Source, entry.DetailType, detailObject, entry.Resources);
        if (entry.Time is { } time)
        {
            envelope["time"] = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        Route(bus, envelope);
        return new PutEventsResultEntry(envelope["id"]!.GetValue<string>());
    }

    private void Route(EventBus bus, JsonObject envelope)
    {
        var json = envelope.ToJsonString();
        bus.EventList.Add(json);
        var now = _sim.Now;
        using var document = JsonDocument.Parse(json);
        var matched = bus.RuleList.Where(r => r.Enabled && r.Pattern is not null && r.Pattern.Matches(document.RootElement)).ToList();
        var id = envelope["id"]!.GetValue<string>();
        _sim.Trace.Add(now, TraceKind.Note, bus.Name, null,
            $"event {id} ({envelope["source"]}, {envelope["detail-type"]}) matched {(matched.Count == 0 ? "no rule" : string.Join(", ", matched.Select(r => r.Name)))}");
        foreach (var rule in matched)
        {
            foreach (var target in rule.TargetList)
            {
                Dispatcher.Dispatch(rule.Name, rule.Arn, target, target.Input ?? json, now);
            }
        }
    }
}
