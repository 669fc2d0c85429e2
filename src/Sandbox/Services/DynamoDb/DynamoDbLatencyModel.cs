namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// Modelled latency of each DynamoDB operation, as seen by a caller in the same region. Deterministic:
/// the same operation always costs the same (injected faults may add latency on top).
/// <list type="table">
/// <listheader><term>Operation</term><description>Latency</description></listheader>
/// <item><term>DescribeTable, ListTables</term><description>3 ms</description></item>
/// <item><term>GetItem</term><description>4 ms</description></item>
/// <item><term>PutItem, DeleteItem, BatchGetItem</term><description>6 ms</description></item>
/// <item><term>UpdateItem</term><description>7 ms</description></item>
/// <item><term>Query</term><description>8 ms</description></item>
/// <item><term>BatchWriteItem</term><description>12 ms</description></item>
/// <item><term>Scan</term><description>15 ms</description></item>
/// <item><term>TransactWriteItems</term><description>18 ms</description></item>
/// <item><term>UpdateTable</term><description>20 ms</description></item>
/// <item><term>DeleteTable</term><description>30 ms</description></item>
/// <item><term>CreateTable</term><description>50 ms</description></item>
/// <item><term>anything else (including errors for unsupported operations)</term><description>5 ms</description></item>
/// </list>
/// </summary>
public static class DynamoDbLatencyModel
{
    /// <summary>The modelled latency of <paramref name="operation"/> (see the table above).</summary>
    public static TimeSpan For(string operation) => TimeSpan.FromMilliseconds(operation switch
    {
        "DescribeTable" or "ListTables" => 3,
        "GetItem" => 4,
        "PutItem" or "DeleteItem" or "BatchGetItem" => 6,
        "UpdateItem" => 7,
        "Query" => 8,
        "BatchWriteItem" => 12,
        "Scan" => 15,
        "TransactWriteItems" => 18,
        "UpdateTable" => 20,
        "DeleteTable" => 30,
        "CreateTable" => 50,
        _ => 5,
    });
}
