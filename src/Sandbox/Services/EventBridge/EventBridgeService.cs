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
using Course.Sandbox.Sources.EventBridge;

namespace Course.Sandbox.Services.EventBridge;

/// <summary>
/// The sandbox's Amazon EventBridge: event buses (<c>default</c> plus custom ones), <c>PutEvents</c> (entries become
/// envelopes, EB_04), rules with an event pattern (EB_01) or a schedule expression (EB_03), and targets — Lambda
/// (asynchronous invoke), SQS, SNS — delivered with the target's retry policy and dead-letter queue (EB_02). The
/// <see cref="Scheduler"/> runs EventBridge Scheduler schedules on the same virtual clock. Everything is traced.
/// </summary>
/// <remarks>
/// A scheduled rule or schedule keeps the simulation busy for ever: drive it with <c>RunFor</c> or <c>RunUntil</c>.
/// Not modelled: input transformers and input paths, archives and replay, cross-account buses, API destinations.
/// </remarks>
public sealed partial class EventBridgeService
{
    /// <summary>The most targets a rule may have.</summary>
    public const int MaxTargetsPerRule = 5;

    /// <summary>The most entries one <c>PutEvents</c> call may carry.</summary>
    public const int MaxEntriesPerPutEvents = 10;

    /// <summary>The largest entry, in bytes (256 KiB).</summary>
    public const int MaxEntrySize = 262_144;

    private readonly Simulation _sim;
    private readonly Dictionary<string, EventBus> _buses = new(StringComparer.Ordinal);
    private readonly EventEnvelopeFactory _envelopes;

    internal EventBridgeService(Simulation simulation, SqsService sqs, SnsService sns)
    {
        _sim = simulation;
        Sqs = sqs;
        Sns = sns;
        _envelopes = new EventEnvelopeFactory(simulation.Random, simulation.Time, simulation.Options.AccountId, simulation.Options.Region);
        TargetFaults = new FaultInjector(new Random(simulation.Options.Seed ^ 0x0eb0));
        Dispatcher = new TargetDispatcher(simulation, this);
        Scheduler = new EventBridgeScheduler(simulation, this);
        CreateBusCore("default");
    }

    /// <summary>The <c>default</c> bus.</summary>
    public EventBus DefaultBus => _buses["default"];

    /// <summary>Every bus, ordered by name.</summary>
    public IReadOnlyList<EventBus> Buses => [.. _buses.Values.OrderBy(b => b.Name, StringComparer.Ordinal)];

    /// <summary>EventBridge Scheduler: one-time and recurring schedules that invoke a target.</summary>
    public EventBridgeScheduler Scheduler { get; }

    /// <summary>
    /// Faults injected into the calls EventBridge makes to targets: operation <c>Invoke</c> (Lambda), <c>SendMessage</c>
    /// (SQS), <c>Publish</c> (SNS). <see cref="FaultKind.Throttling"/> is the target's 429 and
    /// <see cref="FaultKind.InternalServerError"/> its 500: both retriable. Nothing is injected until configured.
    /// </summary>
    public FaultInjector TargetFaults { get; }

    internal SqsService Sqs { get; }

    internal SnsService Sns { get; }

    internal TargetDispatcher Dispatcher { get; }

    internal Simulation Simulation => _sim;

    /// <summary>Creates a custom bus (<c>CreateEventBus</c>).</summary>
    /// <param name="name">1–256 letters, digits, <c>.</c>, <c>-</c>, <c>_</c>, <c>/</c>; not <c>default</c>.</param>
    /// <returns>The bus.</returns>
    /// <exception cref="EventBridgeException"><c>ValidationException</c> for a bad name; <c>ResourceAlreadyExistsException</c>.</exception>
    public EventBus CreateEventBus(string name)
    {
        if (name is null || !BusName().IsMatch(name) || name == "default")
        {
            throw EventBridgeException.Validation($"Event bus name '{name}' is not valid: use 1–256 letters, digits, '.', '-', '_' or '/', and not 'default' (which always exists).");
        }

        if (_buses.ContainsKey(name))
        {
            throw EventBridgeException.ResourceAlreadyExists($"Event bus {name} already exists.");
        }

        return CreateBusCore(name);
    }

    /// <summary>A bus by name or ARN; null or empty means <c>default</c>.</summary>
    /// <param name="nameOrArn">The name or ARN.</param>
    /// <returns>The bus.</returns>
    /// <exception cref="EventBridgeException"><c>ResourceNotFoundException</c>.</exception>
    public EventBus GetEventBus(string? nameOrArn = null)
    {
        var name = string.IsNullOrEmpty(nameOrArn) ? "default"
            : nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.IndexOf("event-bus/", StringComparison.Ordinal) is var i and >= 0 ? i + 10 : 0)..]
            : nameOrArn;
        return _buses.TryGetValue(name, out var bus) ? bus : throw EventBridgeException.ResourceNotFound($"Event bus {name} does not exist.");
    }

    /// <summary>
    /// Creates or replaces a rule (<c>PutRule</c>) with an event pattern or a schedule expression. A scheduled rule
    /// starts firing at once on the virtual clock (rate: one interval from now; cron: the next matching minute, UTC).
    /// </summary>
    /// <param name="name">1–64 letters, digits, <c>.</c>, <c>-</c>, <c>_</c>.</param>
    /// <param name="eventPattern">The event pattern JSON, or null.</param>
    /// <param name="scheduleExpression">A <c>cron(…)</c> or <c>rate(…)</c> expression, or null (default bus only).</param>
    /// <param name="eventBusName">The bus. <value>The default is <c>default</c>.</value></param>
    /// <param name="enabled">False creates it <c>DISABLED</c>. <value>The default is true.</value></param>
    /// <returns>The rule.</returns>
    /// <exception cref="EventBridgeException"><c>InvalidEventPatternException</c>, <c>ValidationException</c>, <c>ResourceNotFoundException</c>.</exception>
    public EventRule PutRule(string name, string? eventPattern = null, string? scheduleExpression = null, string? eventBusName = null, bool enabled = true)
    {
        if (name is null || !RuleName().IsMatch(name))
        {
            throw EventBridgeException.Constraint(name ?? "null", "name", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ (1–64 characters)");
        }

        var bus = GetEventBus(eventBusName);
        if (eventPattern is null && scheduleExpression is null)
        {
            throw EventBridgeException.Validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }

        EventPattern? pattern = null;
        if (eventPattern is not null)
        {
            try
            {
                pattern = EventPattern.Parse(eventPattern);
            }
            catch (InvalidEventPatternException e)
            {
                throw EventBridgeException.InvalidEventPattern(e.Message);
            }
        }

        ScheduleExpression? schedule = null;
        if (scheduleExpression is not null)
        {
            if (bus.Name != "default")
            {
                throw EventBridgeException.Validation("ScheduleExpression is supported only on the default event bus.");
            }

            try
            {
                schedule = ScheduleExpression.Parse(scheduleExpression);
            }
            catch (InvalidScheduleExpressionException e)
            {
                throw EventBridgeException.Validation(e.Message);
            }

            if (schedule is AtSchedule)
            {
                throw EventBridgeException.Validation($"Parameter ScheduleExpression is not valid. \"{scheduleExpression}\": rules take cron(...) or rate(...); one-time at(...) schedules belong to EventBridge Scheduler (Scheduler.CreateSchedule).");
            }
        }

        var arn = $"arn:aws:events:{_sim.Options.Region}:{_sim.Options.AccountId}:rule/{(bus.Name == "default" ? "" : bus.Name + "/")}{name}";
        var rule = new EventRule(name, arn, bus, pattern, schedule) { Enabled = enabled };
        var existing = bus.RuleList.FindIndex(r => r.Name == name);
        if (existing >= 0)
        {
            rule.TargetList.AddRange(bus.RuleList[existing].TargetList);
            rule.Generation = bus.RuleList[existing].Generation + 1;
            bus.RuleList[existing].Enabled = false;
            bus.RuleList[existing] = rule;
        }
        else
        {
            bus.RuleList.Add(rule);
        }

        _sim.Trace.Add(_sim.Now, TraceKind.Note, name, null,
            $"rule put on bus {bus.Name}: {(pattern is not null ? "pattern " + pattern.Source : "schedule " + schedule!.Expression)}{(enabled ? "" : " (DISABLED)")}");
        if (schedule is not null)
        {
            ScheduleNextFiring(rule, _sim.Now);
        }

        return rule;
    }

    /// <summary>Adds or replaces targets of a rule (<c>PutTargets</c>); targets are matched by <see cref="RuleTarget.Id"/>.</summary>
    /// <param name="ruleName">The rule.</param>
    /// <param name="targets">The targets; each is validated and copied.</param>
    /// <param name="eventBusName">The rule's bus. <value>The default is <c>default</c>.</value></param>
    /// <exception cref="EventBridgeException"><c>ValidationException</c> (bad id, ARN or retry policy), <c>LimitExceededException</c> (more than 5), <c>ResourceNotFoundException</c>.</exception>
    public void PutTargets(string ruleName, IReadOnlyList<RuleTarget> targets, string? eventBusName = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var rule = GetRule(ruleName, eventBusName);
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i] ?? throw EventBridgeException.Validation($"targets.{i + 1} must not be null.");
            if (!RuleName().IsMatch(t.Id ?? ""))
            {
                throw EventBridgeException.Constraint(t.Id ?? "null", $"targets.{i + 1}.member.id", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ (1–64 characters)");
            }

            t.Validate($"targets.{i + 1}.member");
        }

        var ids = rule.TargetList.Select(t => t.Id).Union(targets.Select(t => t.Id), StringComparer.Ordinal).Count();
        if (ids > MaxTargetsPerRule)
        {
            throw EventBridgeException.LimitExceeded($"The requested resource exceeds the maximum number allowed: a rule can have at most {MaxTargetsPerRule} targets (rule {rule.Name} would have {ids}).");
        }

        foreach (var t in targets)
        {
            rule.TargetList.RemoveAll(existing => existing.Id == t.Id);
            rule.TargetList.Add(t.Copy());
        }
    }

    /// <summary>A rule by name.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="eventBusName">Its bus. <value>The default is <c>default</c>.</value></param>
    /// <returns>The rule.</returns>
    /// <exception cref="EventBridgeException"><c>ResourceNotFoundException</c>.</exception>
    public EventRule GetRule(string name, string? eventBusName = null)
    {
        var bus = GetEventBus(eventBusName);
        return bus.RuleList.FirstOrDefault(r => r.Name == name)
            ?? throw EventBridgeException.ResourceNotFound($"Rule {name} does not exist on EventBus {bus.Name}.");
    }

    /// <summary>Enables or disables a rule (<c>EnableRule</c> / <c>DisableRule</c>); a disabled scheduled rule stops firing.</summary>
    /// <param name="name">The rule.</param>
    /// <param name="enabled">The new state.</param>
    /// <param name="eventBusName">Its bus.</param>
    public void SetRuleState(string name, bool enabled, string? eventBusName = null)
    {
        var rule = GetRule(name, eventBusName);
        if (rule.Enabled == enabled)
        {
            return;
        }

        rule.Enabled = enabled;
        rule.Generation++;
        if (enabled && rule.Schedule is not null)
        {
            ScheduleNextFiring(rule, _sim.Now);
        }
    }

    private void ScheduleNextFiring(EventRule rule, DateTimeOffset after)
    {
        var generation = rule.Generation;
        if (rule.Schedule!.NextOccurrence(after) is not { } next)
        {
            return;
        }

        _sim.ScheduleAt(next, () =>
        {
            if (!rule.Enabled || rule.Generation != generation)
            {
                return;
            }

            rule.FiringList.Add(next);
            var envelope = _envelopes.Create("aws.events", "Scheduled Event", new JsonObject(), [rule.Arn]);
            var json = envelope.ToJsonString();
            _sim.Trace.Add(next, TraceKind.Note, rule.Name, null, $"schedule {rule.Schedule.Expression} fired ({rule.TargetList.Count} targets)");
            foreach (var target in rule.TargetList)
            {
                Dispatcher.Dispatch(rule.Name, rule.Arn, target, target.Input ?? json, next);
            }

            ScheduleNextFiring(rule, next);
        });
    }

    private EventBus CreateBusCore(string name)
    {
        var bus = new EventBus(name, $"arn:aws:events:{_sim.Options.Region}:{_sim.Options.AccountId}:event-bus/{name}");
        _buses.Add(name, bus);
        return bus;
    }

    [GeneratedRegex("^[\\.\\-_A-Za-z0-9]{1,64}$")]
    private static partial Regex RuleName();

    [GeneratedRegex("^[/\\.\\-_A-Za-z0-9]{1,256}$")]
    private static partial Regex BusName();
}
