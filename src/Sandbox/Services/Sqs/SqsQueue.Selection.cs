using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.Sqs;

public sealed partial class SqsQueue
{
    private IEnumerable<SqsMessage> Candidates(DateTimeOffset now)
    {
        if (!IsFifo)
        {
            return _messages.Where(m => m.StateAt(now) == SqsMessageState.Visible).ToList();
        }

        // FIFO: per group, messages in order; a group with a message in flight is blocked; a delayed head blocks too.
        var result = new List<SqsMessage>();
        foreach (var group in _messages.GroupBy(m => m.MessageGroupId, StringComparer.Ordinal))
        {
            if (group.Any(m => m.StateAt(now) == SqsMessageState.InFlight))
            {
                continue;
            }

            result.AddRange(group.TakeWhile(m => m.StateAt(now) == SqsMessageState.Visible));
        }

        return result;
    }

    /// <summary>The earliest instant after <paramref name="now"/> at which a stored message becomes visible (end of a
    /// delay or visibility timeout); null when no message is waiting for that.</summary>
    internal DateTimeOffset? NextVisibleAfter(DateTimeOffset now)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var m in _messages)
            {
                if (m.VisibleAt > now && (next is null || m.VisibleAt < next))
                {
                    next = m.VisibleAt;
                }
            }

            return next;
        }
    }

    /// <summary>True when a receive now would return at least one message (before any dead-letter move).</summary>
    internal bool AnyReceivable()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!IsFifo)
            {
                foreach (var m in _messages)
                {
                    if (m.VisibleAt <= now)
                    {
                        return true;
                    }
                }

                return false;
            }

            return Candidates(now).Any();
        }
    }
}
