using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Course.Sandbox.Services.Wire;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// Issues and reads a queue's receipt handles without remembering every handle it ever issued: a handle carries the
/// message's number in the queue, the receive it belongs to and a MAC keyed by the queue's ARN, so memory stays
/// bounded by the messages still in the queue however long a run lasts. What AWS documents still holds: a handle
/// this queue did not issue is <c>ReceiptHandleIsInvalid</c>; a handle of an earlier receive (stale) or of a message
/// already deleted, moved to the dead-letter queue, purged or expired is accepted by DeleteMessage without effect.
/// </summary>
internal sealed class SqsReceiptHandles(string queueArn)
{
    private const string Prefix = "AQEB";
    private const int FillerBytes = 72;
    private const int MacBytes = 12;
    private const int PayloadBytes = 8 + 4 + FillerBytes;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(queueArn);
    private readonly Dictionary<long, SqsMessage> _live = [];
    private long _nextOrdinal;

    /// <summary>How many messages the map holds (the messages stored in the queue, nothing more).</summary>
    public int Count => _live.Count;

    /// <summary>Starts tracking a message that entered the queue.</summary>
    public void Track(SqsMessage message)
    {
        message.Ordinal = _nextOrdinal++;
        _live[message.Ordinal] = message;
    }

    /// <summary>Stops tracking a message that left the queue (deleted, moved, purged, expired).</summary>
    public void Forget(SqsMessage message) => _live.Remove(message.Ordinal);

    /// <summary>Stops tracking every message (purge).</summary>
    public void Clear() => _live.Clear();

    /// <summary>A fresh handle for this receive of <paramref name="message"/>.</summary>
    public string Issue(SqsMessage message, SeededIds ids)
    {
        var bytes = new byte[PayloadBytes + MacBytes];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, message.Ordinal);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), message.ReceiveCount);
        Convert.FromBase64String(ids.Base64(FillerBytes)).CopyTo(bytes, 12);
        Mac(bytes.AsSpan(0, PayloadBytes)).CopyTo(bytes.AsSpan(PayloadBytes));
        return Prefix + Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// Reads a handle: false when this queue never issued it; otherwise true with the message when it is still in
    /// the queue (its current handle may differ: the caller compares) or null when it has left.
    /// </summary>
    public bool TryResolve(string? handle, out SqsMessage? message)
    {
        message = null;
        if (handle is null || !handle.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = new byte[PayloadBytes + MacBytes];
        if (!Convert.TryFromBase64String(handle[Prefix.Length..], bytes, out var written) || written != bytes.Length ||
            !CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, PayloadBytes)), bytes.AsSpan(PayloadBytes)))
        {
            return false;
        }

        _live.TryGetValue(BinaryPrimitives.ReadInt64LittleEndian(bytes), out message);
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(_key, payload)[..MacBytes];
}
