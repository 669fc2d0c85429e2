using System.Text;
using System.Text.Json.Nodes;
using Course.Grading.Isolation;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Exercises;

/// <summary>
/// What a check receives: a fresh deployment of the learner's function in the simulation, ways to invoke it
/// (directly or through the exercise's trigger), and the platform's record of what happened.
/// Checks judge that record, never what the handler says about itself.
/// </summary>
public sealed class CheckContext
{
    private readonly IFunctionSession _session;
    private readonly StringBuilder _notes = new();
    private Course.Sandbox.Sources.ApiGateway.HttpApi? _api;
    private SqsTrigger? _sqs;
    private S3Trigger? _s3;
    private DynamoDbStreamTrigger? _stream;

    internal CheckContext(IFunctionSession session, ExerciseDefinition exercise, CheckSpec check, int seed)
    {
        _session = session;
        Exercise = exercise;
        Check = check;
        Seed = seed;
        Random = new Random(HashCode(check.Id, seed));
    }

    /// <summary>The exercise being graded.</summary>
    public ExerciseDefinition Exercise { get; }

    /// <summary>The check being run.</summary>
    public CheckSpec Check { get; }

    /// <summary>The grading seed (from <c>--seed</c>; default 1).</summary>
    public int Seed { get; }

    /// <summary>A random source seeded from the grading seed and the check id: use it for generated inputs.</summary>
    public Random Random { get; }

    /// <summary>The deployed function's name.</summary>
    public string FunctionName => _session.Function.Name;

    /// <summary>The simulation this check runs in (fresh for every check, seeded with the grading seed).</summary>
    public Course.Sandbox.Simulation Sim => _session.Simulation;

    /// <summary>The simulation's trace: the platform's record of every happening. Judge this, not the handler's claims.</summary>
    public Course.Sandbox.Observability.Trace Trace => _session.Simulation.Trace;

    /// <summary>
    /// The public constants (<c>public const</c> fields) of the learner's handler class, by name, read from the compiled
    /// assembly's metadata without running any of its code: how an exercise lets the learner choose configuration
    /// in the handler file (e.g. <c>public const int MemoryMB = 256;</c>). Empty when the handler is not a compiled file.
    /// </summary>
    public IReadOnlyDictionary<string, object?> HandlerConstants => _session.HandlerConstants;

    /// <summary>
    /// Another public method of the learner's handler class (exercise.yaml's <c>handler.type</c>) as a handler, from the
    /// same compiled assembly — nothing is recompiled. How an exercise whose file holds several functions (13-state-machine:
    /// extract, summarize, store) deploys each: <c>ctx.Sim.Lambda.Deploy(options, ctx.HandlerFor("Store"))</c>. Each
    /// execution environment loads its own copy, as for the exercise's function.
    /// </summary>
    /// <param name="method">The public method's name (exactly one with that name).</param>
    /// <returns>The handler factory to deploy.</returns>
    /// <exception cref="Course.Sandbox.Hosting.HandlerBindingException">The method does not exist or has a shape Lambda cannot call (when an environment starts).</exception>
    /// <exception cref="InvalidOperationException">The handler was not given as a compiled file (in-process runs over a type or delegate).</exception>
    public Course.Sandbox.Hosting.HandlerFactory HandlerFor(string method) => _session.HandlerFor(method);

    /// <summary>The deployed function (its options, environments and their logs).</summary>
    public Course.Sandbox.Functions.LambdaFunction Function => _session.Function;

    /// <summary>Every invocation made so far in this check, in order.</summary>
    public IReadOnlyList<FunctionInvocation> Invocations => _invocations;

    private readonly List<FunctionInvocation> _invocations = new();

    /// <summary>Invokes the function synchronously (RequestResponse) with a raw JSON payload.</summary>
    /// <param name="payloadJson">The event JSON.</param>
    /// <returns>The invocation as the platform recorded it.</returns>
    public async Task<FunctionInvocation> InvokeAsync(string payloadJson)
    {
        var invocation = await _session.InvokeAsync(payloadJson).ConfigureAwait(false);
        _invocations.Add(invocation);
        return invocation;
    }

    /// <summary>
    /// Sends an HTTP request through the engine's API Gateway HTTP API (payload format 2.0) to the function, on the
    /// route from exercise.yaml (<c>trigger.settings.route</c>; default <c>$default</c>), and runs the simulation until
    /// the response is in. An HTTP API's mapping applies: a function error or malformed response is 500 <c>{"message":"Internal Server Error"}</c>
    /// (see <see cref="HttpResult.FunctionFailed"/>).
    /// </summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="path">The path with an optional query string, e.g. <c>/users?x=1</c>.</param>
    /// <param name="body">The request body, or null for none.</param>
    /// <param name="headers">Request headers (API Gateway lower-cases their names).</param>
    /// <param name="base64">True to send <paramref name="body"/> as already base64-encoded (isBase64Encoded = true).</param>
    /// <returns>What the HTTP client sees.</returns>
    public Task<HttpResult> HttpAsync(string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null, bool base64 = false)
    {
        if (_api is null)
        {
            _api = new Course.Sandbox.Sources.ApiGateway.HttpApi(Sim, new Course.Sandbox.Sources.ApiGateway.HttpApiOptions { ApiId = "a1b2c3d4e5" });
            _api.AddRoute(Exercise.Trigger.Settings.TryGetValue("route", out var route) ? route : "$default", FunctionName);
        }

        var response = _api.Send(method, path, headers, body, base64);
        FunctionInvocation? invocation = null;
        if (response.LambdaRequestId is { } requestId && Sim.Lambda.Invocations.LastOrDefault(r => r.RequestId == requestId) is { } record)
        {
            invocation = FromRecord(record);
            _invocations.Add(invocation);
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(response.BodyBytes);
        }
        catch (FormatException)
        {
            text = response.Body;
        }

        var responseHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in response.Headers)
        {
            responseHeaders[name.ToLowerInvariant()] = value;
        }

        return Task.FromResult(new HttpResult(response.StatusCode, text, responseHeaders, invocation));
    }

    /// <summary>
    /// The SQS trigger from exercise.yaml (<c>trigger.kind: sqs</c>): a queue (with a dead-letter queue when
    /// <c>maxReceiveCount</c> is set) wired to the function by an event source mapping. Created on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The exercise's trigger is not <c>sqs</c>.</exception>
    public SqsTrigger Sqs => _sqs ??= Exercise.Trigger.Kind == TriggerKind.Sqs
        ? new SqsTrigger(this, Exercise.Trigger.Settings)
        : throw new InvalidOperationException($"exercise.yaml has trigger.kind {Exercise.Trigger.Kind}; Sqs needs trigger.kind: sqs.");

    /// <summary>
    /// The S3 trigger from exercise.yaml (<c>trigger.kind: s3</c>): a bucket notifying the function (asynchronous
    /// invocation), with an SQS on-failure destination when <c>onFailure</c> is set. Created on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The exercise's trigger is not <c>s3</c>.</exception>
    public S3Trigger S3 => _s3 ??= Exercise.Trigger.Kind == TriggerKind.S3
        ? new S3Trigger(this, Exercise.Trigger.Settings)
        : throw new InvalidOperationException($"exercise.yaml has trigger.kind {Exercise.Trigger.Kind}; S3 needs trigger.kind: s3.");

    /// <summary>
    /// The DynamoDB Streams trigger from exercise.yaml (<c>trigger.kind: dynamodb</c>): a table whose stream an event
    /// source mapping reads into the function. Created on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The exercise's trigger is not <c>dynamodb</c>.</exception>
    public DynamoDbStreamTrigger Stream => _stream ??= Exercise.Trigger.Kind == TriggerKind.DynamoDbStream
        ? new DynamoDbStreamTrigger(this, Exercise.Trigger.Settings)
        : throw new InvalidOperationException($"exercise.yaml has trigger.kind {Exercise.Trigger.Kind}; Stream needs trigger.kind: dynamodb.");

    /// <summary>
    /// Creates a DynamoDB table in the simulation (on-demand, a string partition key, a stream with
    /// NEW_AND_OLD_IMAGES so checks can count writes). The handler reaches it with <c>new AmazonDynamoDBClient()</c>.
    /// </summary>
    /// <param name="name">The table name.</param>
    /// <param name="partitionKey">The partition key attribute (type S).</param>
    public void CreateTable(string name, string partitionKey)
    {
        var request = new JsonObject
        {
            ["TableName"] = name,
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = partitionKey, ["KeyType"] = "HASH" }),
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = partitionKey, ["AttributeType"] = "S" }),
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = "NEW_AND_OLD_IMAGES" },
        };
        Sim.Services.DynamoDb.Invoke("CreateTable", request.ToJsonString());
    }

    /// <summary>Writes an item (DynamoDB JSON, e.g. <c>{"id":{"S":"7"}}</c>) straight into a table, outside any invocation.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="itemJson">The item in DynamoDB JSON.</param>
    public void PutItem(string table, string itemJson)
    {
        var request = new JsonObject { ["TableName"] = table, ["Item"] = JsonNode.Parse(itemJson) };
        Sim.Services.DynamoDb.Invoke("PutItem", request.ToJsonString());
    }

    /// <summary>Reads an item by its string partition key, or null when there is none.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="keyName">The partition key attribute.</param>
    /// <param name="keyValue">Its value.</param>
    /// <returns>The item in DynamoDB JSON, or null.</returns>
    public JsonObject? GetItem(string table, string keyName, string keyValue)
    {
        var request = new JsonObject { ["TableName"] = table, ["Key"] = new JsonObject { [keyName] = new JsonObject { ["S"] = keyValue } } };
        var response = JsonNode.Parse(Sim.Services.DynamoDb.Invoke("GetItem", request.ToJsonString()))!.AsObject();
        return response["Item"] as JsonObject;
    }

    /// <summary>Every change the table's stream recorded (INSERT, MODIFY, REMOVE), oldest first: the platform's record of writes.</summary>
    /// <param name="table">A table made with <see cref="CreateTable"/>.</param>
    /// <returns>The stream records, shard by shard.</returns>
    public IReadOnlyList<Course.Sandbox.Services.DynamoDb.Streams.DynamoDbStreamRecord> StreamRecords(string table)
    {
        var stream = Sim.Services.DynamoDb.GetStream(table) ?? throw new InvalidOperationException($"table {table} has no stream; create it with CreateTable.");
        var records = new List<Course.Sandbox.Services.DynamoDb.Streams.DynamoDbStreamRecord>();
        foreach (var shard in stream.ShardIds)
        {
            var position = stream.TrimHorizon(shard);
            while (true)
            {
                var read = stream.GetRecords(position);
                records.AddRange(read.Records);
                if (read.Records.Count == 0)
                {
                    break;
                }

                position = read.Next;
            }
        }

        return records.OrderBy(r => r.ApproximateCreationDateTime).ThenBy(r => r.SequenceNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>The execution environments the function has had so far (their INIT/INVOKE record, e.g. SDK clients created).</summary>
    public IReadOnlyList<Course.Sandbox.Environments.ExecutionEnvironment> Environments => Function.Environments.ToList();

    internal void Record(FunctionInvocation invocation) => _invocations.Add(invocation);

    internal static FunctionInvocation FromRecord(Course.Sandbox.Invocation.InvocationRecord record) =>
        new(record.RequestId, "", record.ErrorType is null ? null : "Unhandled", record.ErrorType, null, record.Duration, record.ColdStart)
        {
            TimedOut = record.TimedOut,
            Throttled = record.Throttled,
            StatusCode = record.Throttled ? 429 : 200,
        };

    /// <summary>
    /// A file the learner edits beside the handler (exercise.yaml's <c>learnerFiles:</c>), as read when grading started:
    /// the graded artefact of a configuration exercise (a template, a state machine definition). Report problems in it
    /// with its <see cref="LearnerFile.DisplayPath"/> and a line and column.
    /// </summary>
    /// <param name="name">The name exercise.yaml lists (e.g. <c>template.yaml</c>).</param>
    /// <returns>The file with its text.</returns>
    /// <exception cref="ArgumentException">exercise.yaml does not list <paramref name="name"/> (a mistake in the checks).</exception>
    /// <exception cref="CheckFailedException">The learner's file is missing.</exception>
    public LearnerFile GetLearnerFile(string name)
    {
        var file = Exercise.LearnerFiles.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException($"exercise.yaml's learnerFiles does not list '{name}'", nameof(name));
        if (file.Text is null)
        {
            throw new CheckFailedException(
                $"{name} is missing beside {Exercise.Handler.File}",
                $"the {name} you edit for this exercise",
                $"restore it with ./course reset {Exercise.Id} (your other files are kept as backups) or create it beside {Exercise.Handler.File}");
        }

        return file;
    }

    /// <summary>Adds a line to the check's output (shown with <c>--logs</c> and in results.json).</summary>
    /// <param name="line">The line.</param>
    public void Note(string line) => _notes.AppendLine(line);

    /// <summary>Fails the check unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="observed">What was observed.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="nextStep">What to change next.</param>
    /// <exception cref="CheckFailedException">The condition is false.</exception>
    public static void Require(bool condition, string observed, string expected, string nextStep)
    {
        if (!condition)
        {
            throw new CheckFailedException(observed, expected, nextStep);
        }
    }

    internal string Notes => _notes.ToString();

    private static int HashCode(string id, int seed)
    {
        unchecked
        {
            var hash = (int)2166136261 ^ seed;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
