using System.Globalization;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Sources.Sqs;

public sealed partial class SqsEventSourceMapping
{
    private enum PollerState { Receiving, Gathering, Idle, Invoking, Stopped }

    private sealed class Poller(int id)
    {
        public int Id { get; } = id;
        public PollerState State { get; set; }
        public List<SqsReceivedMessage> Batch { get; } = [];
        public long Bytes { get; set; }
        public DateTimeOffset FirstReceivedAt { get; set; }
        public string? Payload { get; set; }
        public int Throttles { get; set; }
        public int Generation { get; set; }
    }
}
