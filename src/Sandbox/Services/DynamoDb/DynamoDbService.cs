using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.DynamoDb.Streams;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// The sandbox's DynamoDB: in-memory tables on the simulation's clock, answering DynamoDB's JSON API
/// (the request and response shapes of the <c>DynamoDB_20120810</c> API) so the real AWS SDK can talk to it
/// through <see cref="DynamoDbWireService"/>. Errors are <see cref="DynamoDbException"/>s with DynamoDB's
/// own codes and messages. Tables with a StreamSpecification record every change on a <see cref="DynamoDbStream"/>.
/// Thread-safe: one operation runs at a time.
/// </summary>
/// <remarks>
/// Simplifications, stated: tables are ACTIVE as soon as they are created; no secondary indexes; no 1 MB page
/// limit (Limit alone pages); capacity is not metered; only a common subset of reserved words is rejected.
/// </remarks>
public sealed class DynamoDbService
{
    /// <summary>The operations this service answers, in the SDK's names.</summary>
    public static readonly IReadOnlyList<string> SupportedOperations =
    [
        "CreateTable", "DescribeTable", "UpdateTable", "DeleteTable", "ListTables", "PutItem", "GetItem", "UpdateItem", "DeleteItem",
        "Query", "Scan", "BatchWriteItem", "BatchGetItem", "TransactWriteItems",
    ];

    private readonly Dictionary<string, DynamoTable> _tables = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates an empty DynamoDB on the given clock.</summary>
    /// <param name="time">The simulation's clock: table creation times, stream record times and stream retention.</param>
    /// <param name="options">Region, account and stream shard count; defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public DynamoDbService(TimeProvider time, DynamoDbServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Options = options ?? new DynamoDbServiceOptions();
        Options.Validate();
        Time = time;
    }

    /// <summary>The validated options.</summary>
    public DynamoDbServiceOptions Options { get; }

    internal TimeProvider Time { get; }

    /// <summary>Names of the existing tables, sorted.</summary>
    public IReadOnlyList<string> TableNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _tables.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The latest stream of a table (readable for 24 hours even after it is disabled), or null when it never had one.</summary>
    /// <exception cref="DynamoDbException">ResourceNotFoundException: there is no such table.</exception>
    public DynamoDbStream? GetStream(string tableName)
    {
        lock (_gate)
        {
            return Table(tableName).Stream;
        }
    }

    /// <summary>Runs one operation on DynamoDB JSON (the body the SDK sends) and returns the response body.</summary>
    /// <param name="operation">The operation name, e.g. <c>PutItem</c> (see <see cref="SupportedOperations"/>).</param>
    /// <param name="request">The request JSON object.</param>
    /// <exception cref="DynamoDbException">DynamoDB's error for the request (validation, not found, condition failed, …).</exception>
    public JsonObject Invoke(string operation, JsonElement request)
    {
        lock (_gate)
        {
            return operation switch
            {
                "CreateTable" => TableOperations.Create(this, request),
                "DescribeTable" => new JsonObject { ["Table"] = TableOperations.Describe(Table(RequestReader.TableName(request))) },
                "UpdateTable" => TableOperations.Update(this, request),
                "DeleteTable" => TableOperations.Delete(this, request),
                "ListTables" => TableOperations.List(this, request),
                "PutItem" => ItemOperations.Put(this, request),
                "GetItem" => ItemOperations.Get(this, request),
                "UpdateItem" => ItemOperations.Update(this, request),
                "DeleteItem" => ItemOperations.Delete(this, request),
                "Query" => QueryOperations.Query(this, request),
                "Scan" => QueryOperations.Scan(this, request),
                "BatchWriteItem" => BatchOperations.BatchWrite(this, request),
                "BatchGetItem" => BatchOperations.BatchGet(this, request),
                "TransactWriteItems" => TransactOperations.TransactWrite(this, request),
                _ => throw UnsupportedOperation(operation),
            };
        }
    }

    /// <summary>Runs one operation on a JSON text and returns the response JSON text.</summary>
    /// <exception cref="DynamoDbException">DynamoDB's error for the request.</exception>
    public string Invoke(string operation, string requestJson)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(requestJson) ? "{}" : requestJson);
        return Invoke(operation, document.RootElement).ToJsonString();
    }

    /// <summary>The error for an operation this sandbox does not answer, listing the ones it does.</summary>
    public static DynamoDbException UnsupportedOperation(string operation) =>
        new("UnknownOperationException", $"The sandbox's DynamoDB does not support operation {operation}; supported: {string.Join(", ", SupportedOperations)}");

    internal DynamoTable Table(string name) =>
        _tables.TryGetValue(name, out var table) ? table : throw DynamoDbErrors.ResourceNotFound();

    internal bool TryAdd(DynamoTable table) => _tables.TryAdd(table.Name, table);

    internal bool Remove(string name) => _tables.Remove(name);

    internal IEnumerable<string> Names => _tables.Keys.Order(StringComparer.Ordinal);
}
