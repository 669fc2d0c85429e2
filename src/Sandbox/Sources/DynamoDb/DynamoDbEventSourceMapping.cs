using System.Globalization;
using System.Text.Json.Nodes;
using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;
using Course.Sandbox.Retries;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Sources.DynamoDb;

/// <summary>
/// A DynamoDB Streams event source mapping: Lambda reads each shard of a table's stream in order and invokes the
/// function synchronously with batches of records, one batch at a time per shard (or per partition-key lane with a
/// <c>ParallelizationFactor</c> above 1). Every delivery, outcome, retry (with its reason and delay), bisection,
/// discard to the on-failure destination, expiry and throttle is written to <see cref="Simulation.Trace"/> (source:
/// the table name) at its virtual time.
/// </summary>
/// <remarks>
/// <para>The model (docs/behaviour-catalogue.md DDB_01–DDB_06; AWS pages with-ddb, services-ddb-params,
/// services-dynamodb-errors, services-ddb-batchfailurereporting):</para>
/// <list type="bullet">
/// <item>Lambda polls each shard 4 times per second (<see cref="PollInterval"/>, ticks counted from the mapping's
/// creation). An idle shard is not re-read until a change lands in the stream, so <see cref="Simulation.Run"/> goes idle.</item>
/// <item>DDB_01: a shard's records are handed over in sequence order; while a batch fails, nothing after it in the same
/// shard (lane) is processed.</item>
/// <item>DDB_06: with <c>ParallelizationFactor</c> N, a shard's records are spread over N lanes by partition key, each
/// lane with one batch in flight, so one key's records stay in order.</item>
/// <item>DDB_02: a failed batch (function error, timeout, or an invalid partial response) is retried until it succeeds,
/// <c>MaximumRetryAttempts</c> retries have failed, its records are older than <c>MaximumRecordAgeInSeconds</c>, or they
/// leave the stream after 24 hours. Throttles and other invoke errors are retried without counting.</item>
/// <item>Retry delay: AWS does not document it; the sandbox waits 1 s after the first failure and doubles the wait
/// after each further one, up to 60 s (<see cref="DynamoDbStreamRetryBackoff"/>).</item>
/// <item>DDB_03: with <c>BisectBatchOnFunctionError</c>, a failing batch of two or more records is split into halves
/// that are tried at once, first half first; splitting does not count as a retry. A partial batch response with
/// bisecting on splits at the reported record and retries the rest.</item>
/// <item>DDB_04: with <c>ReportBatchItemFailures</c>, the records before the lowest reported sequence number are
/// checkpointed and the batch is retried from that record (that retry counts; the count restarts when the checkpoint moves).</item>
/// <item>DDB_05: a discarded batch sends one metadata record to <c>OnFailure</c> (condition <c>RetryAttemptsExhausted</c>
/// or <c>RecordAgeExceeded</c>); records that leave the stream after 24 hours are dropped without one.</item>
/// </list>
/// </remarks>
public sealed partial class DynamoDbEventSourceMapping
{
    /// <summary>How often Lambda reads each shard: 4 times per second (with-ddb).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private const long MaxPayloadBytes = 5 * 1024 * 1024;

    private readonly Simulation _sim;
    private readonly DynamoDbStream _stream;
    private readonly LambdaFunction _function;
    private readonly DynamoDbEventSourceOptions _o;
    private readonly bool _reportFailures;
    private readonly TimeSpan _window;
    private readonly TimeSpan? _maxAge;
    private readonly Shard[] _shards;
    private readonly DateTimeOffset _origin;
    private readonly bool _verbose;
    private readonly List<string> _processed = [];
    private DateTimeOffset? _pollAt;

    private DynamoDbEventSourceMapping(Simulation sim, DynamoDbStream stream, LambdaFunction function, DynamoDbEventSourceOptions o)
    {
        _sim = sim;
        _stream = stream;
        _function = function;
        _o = new DynamoDbEventSourceOptions
        {
            StartingPosition = o.StartingPosition,
            BatchSize = o.BatchSize,
            MaximumBatchingWindowInSeconds = o.MaximumBatchingWindowInSeconds,
            ParallelizationFactor = o.ParallelizationFactor,
            MaximumRetryAttempts = o.MaximumRetryAttempts,
            MaximumRecordAgeInSeconds = o.MaximumRecordAgeInSeconds,
            BisectBatchOnFunctionError = o.BisectBatchOnFunctionError,
            FunctionResponseTypes = [.. o.FunctionResponseTypes],
            OnFailure = o.OnFailure,
            Enabled = o.Enabled,
        };
        _reportFailures = _o.FunctionResponseTypes.Contains(DynamoDbEventSourceOptions.ReportBatchItemFailures);
        _window = TimeSpan.FromSeconds(_o.MaximumBatchingWindowInSeconds);
        _maxAge = _o.MaximumRecordAgeInSeconds < 0 ? null : TimeSpan.FromSeconds(_o.MaximumRecordAgeInSeconds);
        _origin = sim.Now;
        _verbose = sim.Options.Recording == RecordingLevel.Full;
        Uuid = sim.NewRequestId();
        _shards = stream.ShardIds.Select(id => new Shard(id,
            _o.StartingPosition == DynamoDbEventSourceOptions.Latest ? stream.Latest(id) : stream.TrimHorizon(id),
            _o.ParallelizationFactor)).ToArray();
    }

    /// <summary>The mapping's id (also the <c>requestId</c> prefix of nothing: each invoke has its own request id).</summary>
    public string Uuid { get; }

    /// <summary>The stream's ARN.</summary>
    public string EventSourceArn => _stream.StreamArn;

    /// <summary>The function it invokes.</summary>
    public string FunctionName => _function.Name;

    /// <summary>The frozen settings (a private copy).</summary>
    public int BatchSize => _o.BatchSize;

    /// <summary>The frozen <see cref="DynamoDbEventSourceOptions.ParallelizationFactor"/>.</summary>
    public int ParallelizationFactor => _o.ParallelizationFactor;

    /// <summary>Sequence numbers of records the function processed successfully, in the order their batches succeeded.</summary>
    public IReadOnlyList<string> ProcessedSequenceNumbers => _processed;

    /// <summary>Records discarded after retries or by age, reported to the on-failure destination (if any).</summary>
    public long RecordsDiscarded { get; private set; }

    /// <summary>Records dropped because they left the stream (24 h retention) before they were processed.</summary>
    public long RecordsExpired { get; private set; }

    /// <summary>Creates the mapping (CreateEventSourceMapping) and starts reading the stream on the simulation's clock.</summary>
    /// <param name="simulation">The simulation whose Lambda to use.</param>
    /// <param name="stream">The table's stream (<c>simulation.Services.DynamoDb.GetStream(table)</c>).</param>
    /// <param name="functionName">A deployed function.</param>
    /// <param name="options">The settings; <see cref="DynamoDbEventSourceOptions.StartingPosition"/> is required.</param>
    /// <returns>The running mapping.</returns>
    /// <exception cref="LambdaException"><c>InvalidParameterValueException</c> naming every violated limit;
    /// <c>ResourceNotFoundException</c> for an unknown function.</exception>
    public static DynamoDbEventSourceMapping Create(Simulation simulation, DynamoDbStream stream, string functionName, DynamoDbEventSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var function = simulation.Lambda.GetFunction(functionName);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw LambdaException.InvalidParameterValue(string.Join(" ", errors));
        }
        var mapping = new DynamoDbEventSourceMapping(simulation, stream, function, options);
        var o = mapping._o;
        simulation.Trace.Add(simulation.Now, TraceKind.Note, stream.TableName, null, string.Create(CultureInfo.InvariantCulture,
            $"event source mapping {mapping.Uuid} → {function.Name}: {o.StartingPosition}, batch size {o.BatchSize}, window {o.MaximumBatchingWindowInSeconds} s, parallelization {o.ParallelizationFactor}, retries {o.MaximumRetryAttempts}, max age {o.MaximumRecordAgeInSeconds} s{(o.BisectBatchOnFunctionError ? ", bisect" : "")}{(mapping._reportFailures ? ", ReportBatchItemFailures" : "")}{(o.OnFailure is { } t ? $", on failure → {t.Arn}" : "")}"));
        if (o.Enabled)
        {
            stream.Appended += mapping.OnAppended;
            mapping.SchedulePoll(simulation.Now);
        }
        return mapping;
    }

    private void OnAppended(DynamoDbStreamRecord record) => SchedulePoll(_sim.Time.GetUtcNow());

    /// <summary>Arms the next poll tick strictly after <paramref name="after"/> (ticks every 250 ms from creation).</summary>
    private void SchedulePoll(DateTimeOffset after)
    {
        var ticks = (after - _origin).Ticks / PollInterval.Ticks + 1;
        var at = _origin + TimeSpan.FromTicks(ticks * PollInterval.Ticks);
        if (_pollAt is { } pending && pending <= at && pending >= _sim.Now)
        {
            return;
        }
        _pollAt = at;
        _sim.ScheduleAt(at, () =>
        {
            if (_pollAt != at)
            {
                return;
            }
            _pollAt = null;
            PollShards();
        });
    }

    private void PollShards()
    {
        var now = _sim.Now;
        foreach (var shard in _shards)
        {
            while (true)
            {
                var read = _stream.GetRecords(shard.Position, 10_000);
                shard.Position = read.Next;
                foreach (var record in read.Records)
                {
                    var lane = shard.Lanes[LaneOf(record)];
                    if (lane.Pending.Count == 0)
                    {
                        lane.PendingSince = now;
                    }
                    lane.Pending.Add(record);
                }
                if (read.Records.Count < 10_000)
                {
                    break;
                }
            }
            foreach (var lane in shard.Lanes)
            {
                if (lane.State == LaneState.Gathering && lane.Pending.Count >= _o.BatchSize)
                {
                    lane.Generation++;
                    lane.State = LaneState.Idle;
                }
                TryStart(lane);
            }
        }
    }

    private int LaneOf(DynamoDbStreamRecord record)
    {
        if (_o.ParallelizationFactor == 1)
        {
            return 0;
        }
        var key = record.Keys.First().Value!.ToJsonString();
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return (int)(hash % (ulong)_o.ParallelizationFactor);
    }

    /// <summary>Starts the lane's next batch: a bisected half, the blocked batch, or new records.</summary>
    private void TryStart(Lane lane)
    {
        if (lane.State != LaneState.Idle)
        {
            return;
        }
        var now = _sim.Now;
        var batch = lane.Blocked ?? (lane.Split.Count > 0 ? lane.Split.Pop() : null);
        if (batch is null)
        {
            if (lane.Pending.Count == 0)
            {
                return;
            }
            if (_window > TimeSpan.Zero && lane.Pending.Count < _o.BatchSize && now < lane.PendingSince + _window)
            {
                lane.State = LaneState.Gathering;
                var generation = ++lane.Generation;
                _sim.ScheduleAt(lane.PendingSince + _window, () =>
                {
                    if (lane.State != LaneState.Gathering || lane.Generation != generation)
                    {
                        return;
                    }
                    lane.State = LaneState.Idle;
                    TryStart(lane);
                });
                return;
            }
            var take = 0;
            long bytes = 0;
            while (take < lane.Pending.Count && take < _o.BatchSize && (take == 0 || bytes + lane.Pending[take].SizeBytes + 512 <= MaxPayloadBytes))
            {
                bytes += lane.Pending[take++].SizeBytes + 512;
            }
            batch = new Batch(lane.Pending.GetRange(0, take));
            lane.Pending.RemoveRange(0, take);
            lane.PendingSince = now;
        }
        lane.Blocked = null;

        if (!DropOld(lane, batch, now))
        {
            TryStart(lane);
            return;
        }
        Invoke(lane, batch);
    }

    /// <summary>Drops records that left the stream and discards records past the maximum age; false when none is left.</summary>
    private bool DropOld(Lane lane, Batch batch, DateTimeOffset now)
    {
        var oldest = now - DynamoDbStream.Retention;
        var expired = batch.Records.TakeWhile(r => r.ApproximateCreationDateTime < oldest).Count();
        if (expired > 0)
        {
            RecordsExpired += expired;
            _sim.Trace.Add(now, TraceKind.EventExpired, _stream.TableName, null, string.Create(CultureInfo.InvariantCulture,
                $"{expired} record{(expired == 1 ? "" : "s")} ({batch.Records[0].SequenceNumber}…{batch.Records[expired - 1].SequenceNumber}) left the stream after 24 hours unprocessed and are dropped"));
            batch.Records.RemoveRange(0, expired);
        }
        if (_maxAge is { } maxAge && batch.Records.Count > 0)
        {
            var tooOld = batch.Records.TakeWhile(r => now - r.ApproximateCreationDateTime > maxAge).Count();
            if (tooOld > 0)
            {
                var discarded = new Batch(batch.Records.GetRange(0, tooOld)) { Invokes = batch.Invokes, Last = batch.Last };
                batch.Records.RemoveRange(0, tooOld);
                Discard(lane, discarded, "RecordAgeExceeded", string.Create(CultureInfo.InvariantCulture, $"older than MaximumRecordAgeInSeconds ({_o.MaximumRecordAgeInSeconds} s)"));
            }
        }
        return batch.Records.Count > 0;
    }

    private void Invoke(Lane lane, Batch batch)
    {
        lane.State = LaneState.Invoking;
        batch.Invokes++;
        if (_verbose || batch.Attempts > 0)
        {
            _sim.Trace.Add(_sim.Now, TraceKind.SourceDelivery, _stream.TableName, null, string.Create(CultureInfo.InvariantCulture,
                $"batch of {batch.Records.Count} record{(batch.Records.Count == 1 ? "" : "s")} from {lane.Name} ({batch.First}…{batch.Last0}) → {_function.Name}{(batch.Attempts > 0 ? $", retry {batch.Attempts}" : "")}"),
                attempt: batch.Attempts + 1);
        }
        var task = _sim.Lambda.InvokeAsync(_function.Name, DynamoDbStreamRecord.ToLambdaEvent(batch.Records));
        if (task.IsCompleted)
        {
            OnResult(lane, batch, task.Result);
        }
        else
        {
            // Completed on the simulation's thread when the clock reaches the invocation's end (see SqsEventSourceMapping).
            task.ContinueWith(static (t, state) =>
            {
                var (mapping, lane, batch) = ((DynamoDbEventSourceMapping, Lane, Batch))state!;
                mapping.OnResult(lane, batch, t.Result);
            }, (this, lane, batch), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
