using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.Sqs;

public sealed partial class SqsQueue
{
    /// <summary>The earliest future instant at which a stored message becomes receivable (end of a delay or a
    /// visibility timeout); null when none is waiting.</summary>
    public DateTimeOffset? NextVisibleAt
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                Expire(now);
                var waiting = _messages.Where(m => m.VisibleAt > now).Select(m => m.VisibleAt).ToList();
                return waiting.Count == 0 ? null : waiting.Min();
            }
        }
    }

    /// <summary>All stored (not deleted, not expired) messages, in send order, whatever their state.</summary>
    public IReadOnlyList<SqsMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                Expire(_time.GetUtcNow());
                return [.. _messages];
            }
        }
    }

    /// <summary>Messages receivable now.</summary>
    public IReadOnlyList<SqsMessage> Visible => InState(SqsMessageState.Visible);

    /// <summary>Messages received and still hidden by their visibility timeout.</summary>
    public IReadOnlyList<SqsMessage> InFlight => InState(SqsMessageState.InFlight);

    /// <summary>Messages whose delivery delay has not ended.</summary>
    public IReadOnlyList<SqsMessage> Delayed => InState(SqsMessageState.Delayed);

    /// <summary>How many messages the receipt-handle map tracks: those stored in the queue, never past ones.</summary>
    internal int TrackedHandles
    {
        get
        {
            lock (_gate)
            {
                return _handles.Count;
            }
        }
    }

    /// <summary>Messages deleted by a consumer, in deletion order.</summary>
    public IReadOnlyList<SqsMessage> Deleted
    {
        get
        {
            lock (_gate)
            {
                return [.. _deleted];
            }
        }
    }

    /// <summary>The attributes <c>GetQueueAttributes</c> reports, including the approximate counts (exact here).</summary>
    /// <returns>Name → value.</returns>
    public IReadOnlyDictionary<string, string> GetAttributes()
    {
        var now = _time.GetUtcNow();
        var map = new Dictionary<string, string>(Attributes.ToDictionary(), StringComparer.Ordinal);
        lock (_gate)
        {
            Expire(now);
            map["ApproximateNumberOfMessages"] = Count(now, SqsMessageState.Visible);
            map["ApproximateNumberOfMessagesNotVisible"] = Count(now, SqsMessageState.InFlight);
            map["ApproximateNumberOfMessagesDelayed"] = Count(now, SqsMessageState.Delayed);
        }

        map["QueueArn"] = Arn;
        map["CreatedTimestamp"] = CreatedTimestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        map["LastModifiedTimestamp"] = map["CreatedTimestamp"];
        return map;
    }

    private IReadOnlyList<SqsMessage> InState(SqsMessageState state)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            return _messages.Where(m => m.StateAt(now) == state).ToList();
        }
    }

    private string Count(DateTimeOffset now, SqsMessageState state) =>
        _messages.Count(m => m.StateAt(now) == state).ToString(CultureInfo.InvariantCulture);
}
