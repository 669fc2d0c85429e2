using System.Globalization;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sqs;

public sealed partial class SqsEventSourceMapping
{
    private void StartPoller()
    {
        var poller = new Poller(++_pollerIds);
        _pollers.Add(poller);
        PeakPollers = Math.Max(PeakPollers, _pollers.Count);
        _sim.ScheduleAt(_sim.Now, () => Poll(poller));
    }

    /// <summary>More messages than one receive could take: wake a waiting poller, or add one (SQS_06).</summary>
    private void Grow(DateTimeOffset now)
    {
        if (_idle.TryDequeue(out var waiting))
        {
            waiting.State = PollerState.Receiving;
            _sim.ScheduleAt(now, () => Poll(waiting));
            return;
        }
        if (_pollers.Count >= _cap || _growScheduled)
        {
            return;
        }
        _tokens = Math.Min(TokenCapacity, _tokens + (now - _tokensAt).TotalSeconds * TokensPerSecond);
        _tokensAt = now;
        if (_tokens < 1)
        {
            // Try again when the next poller may be added, if messages are still waiting then.
            _growScheduled = true;
            _sim.ScheduleAt(now + TimeSpan.FromSeconds((1 - _tokens) / TokensPerSecond), () =>
            {
                _growScheduled = false;
                if (_queue.AnyReceivable())
                {
                    Grow(_sim.Now);
                }
            });
            return;
        }
        _tokens -= 1;
        StartPoller();
        _sim.Trace.Add(now, TraceKind.Note, _queue.Name, null, string.Create(CultureInfo.InvariantCulture, $"scaling up: {_pollers.Count} pollers (messages waiting)"));
    }

    private void Stop(Poller p, string why)
    {
        p.State = PollerState.Stopped;
        _pollers.Remove(p);
        _sim.Trace.Add(_sim.Now, TraceKind.Note, _queue.Name, null, string.Create(CultureInfo.InvariantCulture, $"poller {p.Id} stops ({why}): {_pollers.Count} pollers"));
        if (_pollers.Count == 0)
        {
            StartPoller();
        }
    }

    /// <summary>A send or visibility change: end one long poll (scheduled, since a handler may be sending mid-invocation).</summary>
    private void OnSignalled() => _sim.ScheduleAt(_sim.Time.GetUtcNow(), WakeOne);

    private void WakeOne()
    {
        if (_gathering.Count > 0)
        {
            foreach (var g in _gathering.ToArray())
            {
                Poll(g);
            }
        }
        if (_idle.TryDequeue(out var p))
        {
            p.State = PollerState.Receiving;
            Poll(p);
        }
    }

    /// <summary>Long-polling pollers also return when an in-flight or delayed message becomes visible.</summary>
    private void ScheduleVisibilityWake(DateTimeOffset now)
    {
        if (_queue.NextVisibleAfter(now) is not { } at || (_wakeAt is { } pending && pending <= at && pending > now))
        {
            return;
        }
        _wakeAt = at;
        _sim.ScheduleAt(at, () =>
        {
            if (_wakeAt != at)
            {
                return;
            }
            _wakeAt = null;
            WakeOne();
            if (_idle.Count > 0)
            {
                ScheduleVisibilityWake(_sim.Now);
            }
        });
    }
}
