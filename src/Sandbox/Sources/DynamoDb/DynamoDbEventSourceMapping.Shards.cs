using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Sources.DynamoDb;

public sealed partial class DynamoDbEventSourceMapping
{
    private enum LaneState { Idle, Gathering, Invoking, Waiting }

    private sealed class Shard
    {
        public Shard(string id, StreamPosition position, int lanes)
        {
            Id = id;
            Position = position;
            Lanes = new Lane[lanes];
            for (var i = 0; i < lanes; i++)
            {
                Lanes[i] = new Lane(this, lanes == 1 ? id : $"{id} lane {i}");
            }
        }

        public string Id { get; }
        public StreamPosition Position { get; set; }
        public Lane[] Lanes { get; }
    }

    private sealed class Lane(Shard shard, string name)
    {
        public Shard Shard { get; } = shard;
        public string Name { get; } = name;
        public List<DynamoDbStreamRecord> Pending { get; } = [];
        public DateTimeOffset PendingSince { get; set; }
        public Stack<Batch> Split { get; } = new();
        public Batch? Blocked { get; set; }
        public LaneState State { get; set; }
        public int Failures { get; set; }
        public int Generation { get; set; }
    }

    private sealed class Batch(List<DynamoDbStreamRecord> records)
    {
        public List<DynamoDbStreamRecord> Records { get; } = records;
        public int Attempts { get; set; }
        public int Invokes { get; set; }
        public InvocationResult? Last { get; set; }
        public string First => Records[0].SequenceNumber;
        public string Last0 => Records[^1].SequenceNumber;
    }
}
