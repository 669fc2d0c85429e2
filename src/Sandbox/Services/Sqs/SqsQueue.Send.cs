using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.Sqs;

public sealed partial class SqsQueue
{
    /// <summary>Sends one message (what <c>SendMessage</c> does).</summary>
    /// <param name="request">The message.</param>
    /// <returns>The message id and digests; for a FIFO duplicate within 5 minutes, the original send's result.</returns>
    /// <exception cref="SqsException">Invalid input, with AWS's code (<c>InvalidParameterValue</c>, <c>MissingParameter</c>, …).</exception>
    public SqsSendResult Send(SqsSendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var now = _time.GetUtcNow();
        SqsSendResult result;
        lock (_gate)
        {
            Expire(now);
            string? dedupId = null;
            if (IsFifo)
            {
                dedupId = request.MessageDeduplicationId
                    ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
                if (_dedup.TryGetValue(dedupId, out var seen) && seen.Expires > now)
                {
                    return seen.Result;
                }
            }

            var delay = request.DelaySeconds is { } d ? TimeSpan.FromSeconds(d) : Attributes.DelaySeconds;
            var message = new SqsMessage(_ids.Guid(), request.Body, request.MessageAttributes, now)
            {
                MessageGroupId = IsFifo ? request.MessageGroupId : null,
                MessageDeduplicationId = dedupId,
                SequenceNumber = IsFifo ? _service.NextSequenceNumber() : null,
                VisibleAt = now + delay,
            };
            _messages.Add(message);
            _handles.Track(message);
            result = new SqsSendResult(message.MessageId, message.MD5OfBody, message.MD5OfMessageAttributes, message.SequenceNumber);
            if (dedupId is not null)
            {
                _dedup[dedupId] = (now + DeduplicationInterval, result);
            }
        }

        Signal();
        return result;
    }

    private void Validate(SqsSendRequest request)
    {
        if (string.IsNullOrEmpty(request.Body))
        {
            throw SqsException.MissingParameter("MessageBody");
        }

        var size = Encoding.UTF8.GetByteCount(request.Body) + request.MessageAttributes.Sum(a =>
            Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.DataType)
            + (a.Value.BinaryValue?.Length ?? Encoding.UTF8.GetByteCount(a.Value.StringValue ?? string.Empty)));
        if (size > Attributes.MaximumMessageSize)
        {
            throw SqsException.InvalidParameter("MessageBody", "(" + size.ToString(CultureInfo.InvariantCulture) + " bytes)",
                $"Message must be shorter than {Attributes.MaximumMessageSize} bytes.");
        }

        if (request.MessageAttributes.Count > 10)
        {
            throw SqsException.InvalidParameter("MessageAttributes", request.MessageAttributes.Count.ToString(CultureInfo.InvariantCulture), "Number of message attributes [" + request.MessageAttributes.Count.ToString(CultureInfo.InvariantCulture) + "] exceeds the allowed maximum [10].");
        }

        foreach (var (name, attribute) in request.MessageAttributes)
        {
            var type = attribute.DataType.Split('.')[0];
            if (type is not ("String" or "Number" or "Binary"))
            {
                throw SqsException.InvalidParameter("MessageAttributes." + name + ".DataType", attribute.DataType, "The type of message (user) attribute '" + name + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
            }

            if (type == "Binary" ? attribute.BinaryValue is null : string.IsNullOrEmpty(attribute.StringValue))
            {
                throw SqsException.InvalidParameter("MessageAttributes." + name, "(empty)", "Message (user) attribute '" + name + "' must contain a non-empty value of type '" + type + "'.");
            }
        }

        if (request.DelaySeconds is { } delay && (delay < 0 || delay > 900))
        {
            throw SqsException.InvalidParameter("DelaySeconds", delay.ToString(CultureInfo.InvariantCulture), "Must be >= 0 and <= 900.");
        }

        if (IsFifo)
        {
            if (request.DelaySeconds is not null and not 0)
            {
                throw SqsException.InvalidParameter("DelaySeconds", request.DelaySeconds.Value.ToString(CultureInfo.InvariantCulture),
                    "The request include parameter that is not valid for this queue type.");
            }

            if (string.IsNullOrEmpty(request.MessageGroupId))
            {
                throw SqsException.MissingParameter("MessageGroupId");
            }

            if (request.MessageDeduplicationId is null && !Attributes.ContentBasedDeduplication)
            {
                throw SqsException.InvalidParameter("MessageDeduplicationId", "(none)",
                    "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly.");
            }
        }
        else if (request.MessageDeduplicationId is not null)
        {
            throw SqsException.InvalidParameter("MessageDeduplicationId", request.MessageDeduplicationId,
                "The request include parameter that is not valid for this queue type.");
        }
    }
}
