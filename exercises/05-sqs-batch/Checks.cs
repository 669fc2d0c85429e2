using System.Globalization;
using System.Text.Json.Nodes;
using Course.Grading.Exercises;
using Course.Sandbox.Observability;

namespace SqsBatch.Checks;

/// <summary>
/// Checks for 05-sqs-batch. Orders go to the SQS queue; the engine's event source mapping (batch size 10,
/// ReportBatchItemFailures, visibility 30 s, maxReceiveCount 3 → DLQ) delivers them to the function. The checks judge
/// SQS's record (receive counts, deletions, the DLQ) and the table's state and stream, never the handler's claims.
/// </summary>
public static class SqsBatchChecks
{
    private const string Table = "orders";
    private const int MaxReceiveCount = 3;
    private const string Poison = "order #1043 for c-9: 3 x mug";

    [Check("writes-orders")]
    public static void WritesOrders(CheckContext ctx)
    {
        ctx.CreateTable(Table, "orderId");
        var orders = Orders(ctx, 4);
        var ids = orders.ToDictionary(o => ctx.Sqs.Send(o.Body), o => o);
        ctx.Sqs.Run();

        var requestIds = ctx.Sim.Lambda.Invocations.Where(r => r.FunctionName == ctx.FunctionName).Select(r => r.RequestId).ToHashSet(StringComparer.Ordinal);
        foreach (var (messageId, order) in ids)
        {
            var item = ctx.GetItem(Table, "orderId", order.OrderId);
            CheckContext.Require(item is not null,
                $"order {order.OrderId} (message {messageId}, received {ctx.Sqs.ReceiveCount(messageId)} time(s)) is not in the {Table} table",
                $"an item with orderId {order.OrderId}",
                "PutItem each order into the table named by the TABLE_NAME environment variable, with orderId as the key");
            var expected = $"{{orderId: {order.OrderId}, customerId: {order.CustomerId}, amount: {order.Amount.ToString(CultureInfo.InvariantCulture)} (N), processedBy: <the request id>}}";
            var amountOk = item!["amount"]?["N"]?.GetValue<string>() is { } n
                           && decimal.TryParse(n, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount == order.Amount;
            CheckContext.Require(S(item, "customerId") == order.CustomerId && amountOk,
                $"order {order.OrderId} was stored as {item.ToJsonString()}",
                expected,
                "store customerId as a string (S) and amount as a number (N = amount.ToString(CultureInfo.InvariantCulture))");
            CheckContext.Require(S(item, "processedBy") is { } by && requestIds.Contains(by),
                $"order {order.OrderId} has processedBy = {S(item, "processedBy") ?? "(missing)"}, which is not a request id of any invocation of {ctx.FunctionName}",
                "processedBy = context.AwsRequestId of the invocation that wrote the order",
                "add [\"processedBy\"] = new AttributeValue { S = context.AwsRequestId } to the item");
            CheckContext.Require(ctx.Sqs.WasDeleted(messageId),
                $"message {messageId} (order {order.OrderId}) is still in the queue after {ctx.Sqs.ReceiveCount(messageId)} receives",
                "every processed message deleted by Lambda after a successful batch",
                "return normally (an empty SQSBatchResponse) when every message was processed");
        }

        ctx.Note($"{ids.Count} orders written by {requestIds.Count} invocation(s)");
    }

    [Check("partial-batch")]
    public static void PartialBatch(CheckContext ctx)
    {
        ctx.CreateTable(Table, "orderId");
        var orders = Orders(ctx, 4);
        var good = new List<(string MessageId, Order Order)>();
        good.Add((ctx.Sqs.Send(orders[0].Body), orders[0]));
        good.Add((ctx.Sqs.Send(orders[1].Body), orders[1]));
        var poison = ctx.Sqs.Send(Poison);
        good.Add((ctx.Sqs.Send(orders[2].Body), orders[2]));
        good.Add((ctx.Sqs.Send(orders[3].Body), orders[3]));
        ctx.Sqs.Run();

        var redelivered = good.Where(g => ctx.Sqs.ReceiveCount(g.MessageId) > 1 || !ctx.Sqs.WasDeleted(g.MessageId)).ToList();
        ctx.Note($"receives: {string.Join(", ", good.Select(g => $"{g.Order.OrderId}={ctx.Sqs.ReceiveCount(g.MessageId)}"))}, poison={ctx.Sqs.ReceiveCount(poison)}");
        if (redelivered.Count == 0)
        {
            return;
        }

        var rejected = ctx.Trace.OfKind(TraceKind.SourceOutcome).FirstOrDefault(e => e.Detail.Contains("partial batch response rejected", StringComparison.Ordinal));
        var functionErrors = ctx.Trace.OfKind(TraceKind.SourceOutcome).Count(e => e.Detail.StartsWith("function error", StringComparison.Ordinal));
        var why = rejected is not null
            ? $"Lambda rejected the batch response ({rejected.Detail}), so the whole batch counted as failed"
            : functionErrors > 0
                ? $"the function failed {functionErrors} batch(es) as a whole (an exception escaped the handler)"
                : "the function reported them as failed";
        var list = string.Join(", ", redelivered.Select(g => $"{g.Order.OrderId} (message {g.MessageId}) {ctx.Sqs.ReceiveCount(g.MessageId)}x"));
        throw new CheckFailedException(
            $"{redelivered.Count} good message(s) were received more than once or never deleted because poison message {poison} was in their batch: {list}; {why}",
            $"each good message received once and deleted after its first batch; only the poison message retried (receive counts 1, 1, 1, 1)",
            "catch the failure per message, keep processing the others, and return new SQSBatchResponse(failures) whose ItemIdentifier is each failed record's MessageId");
    }

    [Check("poison-to-dlq")]
    public static void PoisonToDlq(CheckContext ctx)
    {
        ctx.CreateTable(Table, "orderId");
        var orders = Orders(ctx, 2);
        ctx.Sqs.Send(orders[0].Body);
        var poison = ctx.Sqs.Send(Poison);
        ctx.Sqs.Send(orders[1].Body);
        ctx.Sqs.Run();

        var receives = ctx.Sqs.ReceiveCount(poison);
        if (ctx.Sqs.WasDeleted(poison))
        {
            throw new CheckFailedException(
                $"poison message {poison} (body \"{Poison}\") was deleted after receive {receives}: the function reported it as processed, so SQS dropped it and nobody will ever see it",
                $"the poison message kept by SQS, retried, and moved to the dead-letter queue orders-dlq after {MaxReceiveCount} receives (maxReceiveCount)",
                "when a message cannot be processed, add its MessageId to batchItemFailures instead of logging and skipping it");
        }

        CheckContext.Require(ctx.Sqs.InDeadLetterQueue(poison),
            $"poison message {poison} is still in the source queue after {receives} receives",
            $"the poison message in orders-dlq after {MaxReceiveCount} receives",
            "report the message as failed each time it is delivered, so SQS's redrive policy can move it");
        CheckContext.Require(receives == MaxReceiveCount,
            $"poison message {poison} reached the DLQ after {receives} receives",
            $"exactly {MaxReceiveCount} receives (maxReceiveCount) before the move",
            "report the failure on every delivery");
        ctx.Note($"poison message {poison}: {receives} receives, then moved to orders-dlq");
    }

    [Check("no-double-writes")]
    public static void NoDoubleWrites(CheckContext ctx)
    {
        ctx.CreateTable(Table, "orderId");
        var orders = Orders(ctx, 3);
        var messages = orders.Select(o => (MessageId: ctx.Sqs.Send(o.Body), Order: o)).ToList();
        ctx.Sqs.Run();

        var (messageId, order) = messages[1];
        CheckContext.Require(ctx.GetItem(Table, "orderId", order.OrderId) is not null,
            $"order {order.OrderId} (message {messageId}) is not in the table after its first delivery",
            "the order written on the first delivery",
            "make task 1 pass first");

        // At-least-once delivery: SQS hands the same message out again.
        var copy = ctx.Sqs.DeliverCopy(messageId);
        var writes = ctx.StreamRecords(Table).Where(r => S(r.Keys, "orderId") == order.OrderId).ToList();
        var receive = 0;
        var described = string.Join(", ", writes.Select(w =>
        {
            receive++;
            return $"{w.EventName} by request {(w.NewImage is { } image ? S(image, "processedBy") ?? "?" : "?")} (receive {receive})";
        }));
        CheckContext.Require(writes.Count == 1,
            $"message {messageId} (order {order.OrderId}) was written {writes.Count} times according to the table's stream: {described}",
            "one write per order, however many times SQS delivers the message",
            "make the write conditional: PutItem with ConditionExpression = \"attribute_not_exists(orderId)\", and treat ConditionalCheckFailedException as already done");

        CheckContext.Require(copy.Succeeded,
            $"the second delivery of message {messageId} failed with {copy.ErrorType}: {copy.ErrorMessage}",
            "a duplicate acknowledged as processed (the order is already recorded)",
            "catch ConditionalCheckFailedException for that message and carry on; it is not a failure");
        var reported = JsonNode.Parse(copy.Payload.Length == 0 ? "null" : copy.Payload)?["batchItemFailures"]?.AsArray()
            .Any(f => f?["itemIdentifier"]?.GetValue<string>() == messageId) == true;
        CheckContext.Require(!reported,
            $"the second delivery of message {messageId} was reported in batchItemFailures, so SQS would retry it and finally move an order that was recorded to the DLQ",
            "a duplicate acknowledged as processed",
            "treat ConditionalCheckFailedException as success, not as a failed message");
    }

    private sealed record Order(string OrderId, string CustomerId, decimal Amount)
    {
        public string Body => $"{{\"orderId\":\"{OrderId}\",\"customerId\":\"{CustomerId}\",\"amount\":{Amount.ToString(CultureInfo.InvariantCulture)}}}";
    }

    private static List<Order> Orders(CheckContext ctx, int count)
    {
        var first = ctx.Random.Next(1000, 9000);
        return Enumerable.Range(0, count)
            .Select(i => new Order($"o-{first + i}", $"c-{ctx.Random.Next(1, 50)}", ctx.Random.Next(100, 20000) / 100m))
            .ToList();
    }

    private static string? S(JsonObject item, string name) => item[name]?["S"]?.GetValue<string>();
}
