using System.Text.RegularExpressions;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.EventBridge.Schedules;

namespace Course.Sandbox.Services.EventBridge.Scheduler;

/// <summary>
/// EventBridge Scheduler on the virtual clock (EB_03): cron, rate and one-time at schedules, read in the schedule's
/// time zone, each firing delivering the schedule's input to its target with the target's retry policy and
/// dead-letter queue (EB_02). Rate schedules count from creation (or the start date).
/// </summary>
public sealed partial class EventBridgeScheduler
{
    private readonly Simulation _sim;
    private readonly EventBridgeService _service;
    private readonly Dictionary<string, EventSchedule> _schedules = new(StringComparer.Ordinal);

    internal EventBridgeScheduler(Simulation simulation, EventBridgeService service)
    {
        _sim = simulation;
        _service = service;
    }

    /// <summary>Every schedule, ordered by name.</summary>
    public IReadOnlyList<EventSchedule> Schedules => [.. _schedules.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Creates a schedule and starts it on the virtual clock (<c>CreateSchedule</c>).</summary>
    /// <param name="options">The schedule; validated and copied.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="EventBridgeException"><c>ValidationException</c> (name, expression, time zone, dates, target,
    /// retry policy) or <c>ConflictException</c>-like <c>ResourceAlreadyExistsException</c> for a taken name.</exception>
    public EventSchedule CreateSchedule(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Name().IsMatch(options.Name ?? ""))
        {
            throw EventBridgeException.Constraint(options.Name ?? "null", "name", "Member must satisfy regular expression pattern: [0-9a-zA-Z-_.]+ (1–64 characters)");
        }

        if (_schedules.ContainsKey(options.Name!))
        {
            throw EventBridgeException.ResourceAlreadyExists($"Schedule {options.Name} already exists.");
        }

        ScheduleExpression expression;
        try
        {
            expression = ScheduleExpression.Parse(options.ScheduleExpression ?? "");
        }
        catch (InvalidScheduleExpressionException e)
        {
            throw EventBridgeException.Validation(e.Message);
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(options.ScheduleExpressionTimezone) ? "UTC" : options.ScheduleExpressionTimezone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw EventBridgeException.Validation($"Invalid time zone '{options.ScheduleExpressionTimezone}': use an IANA name such as UTC, Europe/Paris or America/New_York.");
        }

        if (options.StartDate is { } start && options.EndDate is { } end && end <= start)
        {
            throw EventBridgeException.Validation("The EndDate must be later than the StartDate.");
        }

        var target = options.Target ?? throw EventBridgeException.Validation("Target is required.");
        target.Validate("target");
        var copy = new ScheduleOptions
        {
            Name = options.Name!,
            ScheduleExpression = options.ScheduleExpression!,
            ScheduleExpressionTimezone = zone.Id,
            StartDate = options.StartDate,
            EndDate = options.EndDate,
            Target = target.Copy(),
        };
        var schedule = new EventSchedule(copy.Name, $"arn:aws:scheduler:{_sim.Options.Region}:{_sim.Options.AccountId}:schedule/default/{copy.Name}", expression, zone, copy);
        _schedules.Add(copy.Name, schedule);
        _sim.Trace.Add(_sim.Now, TraceKind.Note, copy.Name, null, $"schedule created: {expression.Expression} ({zone.Id}) → {target.Arn}");
        var from = copy.StartDate is { } s && s > _sim.Now ? s - TimeSpan.FromTicks(1) : _sim.Now;
        ScheduleNext(schedule, from);
        return schedule;
    }

    /// <summary>Deletes a schedule; it fires no more (<c>DeleteSchedule</c>).</summary>
    /// <param name="name">The schedule.</param>
    /// <exception cref="EventBridgeException"><c>ResourceNotFoundException</c>.</exception>
    public void DeleteSchedule(string name)
    {
        if (!_schedules.Remove(name, out var schedule))
        {
            throw EventBridgeException.ResourceNotFound($"Schedule {name} does not exist.");
        }

        schedule.Active = false;
    }

    private void ScheduleNext(EventSchedule schedule, DateTimeOffset after)
    {
        if (schedule.Expression.NextOccurrence(after, schedule.TimeZone) is not { } next
            || (schedule.Options.EndDate is { } end && next > end))
        {
            return;
        }

        _sim.ScheduleAt(next, () =>
        {
            if (!schedule.Active)
            {
                return;
            }

            schedule.FiringList.Add(next);
            _sim.Trace.Add(next, TraceKind.Note, schedule.Name, null, $"schedule {schedule.Expression.Expression} fired");
            var target = schedule.Options.Target;
            _service.Dispatcher.Dispatch(schedule.Name, schedule.Arn, target, target.Input ?? "{}", next);
            ScheduleNext(schedule, next);
        });
    }

    [GeneratedRegex("^[0-9a-zA-Z\\-_.]{1,64}$")]
    private static partial Regex Name();
}
