using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Course.Lambda.Core;
using Course.Sandbox.Clients.SimpleNotificationService;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Iam;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Iam;

/// <summary>IAM_01: a call the function's role does not allow never reaches the service, but it is in the trace.</summary>
public sealed class DeniedCallTraceTests
{
    public sealed class TableWriter
    {
        private readonly AmazonDynamoDBClient _db = new();

        public async Task<string> Handle(string table, ILambdaContext context)
        {
            try
            {
                await _db.PutItemAsync(new PutItemRequest(table, new() { ["id"] = new AttributeValue("1") }));
                return "ok";
            }
            catch (AmazonDynamoDBException e)
            {
                return e.ErrorCode;
            }
        }
    }

    public sealed class Publisher
    {
        public async Task<string> Handle(string topicArn, ILambdaContext context)
        {
            try
            {
                using var sns = new AmazonSimpleNotificationServiceClient();
                await sns.PublishAsync(topicArn, "hello");
                return "ok";
            }
            catch (AmazonSimpleNotificationServiceException e)
            {
                return e.ErrorCode;
            }
        }
    }

    private static Simulation WithTables(params string[] names)
    {
        var sim = new Simulation(new SimulationOptions { Seed = 3 });
        foreach (var name in names)
        {
            sim.Services.DynamoDb.Invoke("CreateTable", $$"""
                {"TableName":"{{name}}","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
                 "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
                """);
        }
        return sim;
    }

    [Fact]
    public void IAM_01_DeniedSdkCall_IsRecordedInTheTraceAndThePhaseCalls_WithTheErrorTheCallerGot()
    {
        var sim = WithTables("allowed", "other");
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "writer" }, HandlerFactory.FromType(typeof(TableWriter), "Handle"));
        RoleRegistry.For(sim).Attach("writer", "writer-role",
            [new PolicyStatement { Allow = true, Actions = ["dynamodb:PutItem"], Resources = ["arn:aws:dynamodb:us-east-1:123456789012:table/allowed"] }]);

        var allowed = sim.Lambda.Invoke("writer", "\"allowed\"");
        var denied = sim.Lambda.Invoke("writer", "\"other\"");

        Assert.Equal("\"ok\"", allowed.Payload);
        Assert.Equal("\"AccessDeniedException\"", denied.Payload);
        Assert.Contains("\"Count\":0", sim.Services.DynamoDb.Invoke("Scan", """{"TableName":"other"}"""), StringComparison.Ordinal);
        var entry = Assert.Single(sim.Trace.OfKind(TraceKind.ServiceCall), t => t.RequestId == denied.RequestId);
        Assert.StartsWith("dynamodb.PutItem → AccessDeniedException", entry.Detail, StringComparison.Ordinal);
        Assert.Equal("writer", entry.Source);
        Assert.Contains(sim.Services.Calls, c => c is { Service: "dynamodb", Operation: "PutItem", Outcome: "AccessDeniedException" });
        Assert.Equal(2, sim.Trace.OfKind(TraceKind.ServiceCall).Count());
    }

    [Fact]
    public void IAM_01_DeniedSandboxClientCall_IsRecordedInTheTraceToo()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 3 });
        var topic = sim.Services.Sns.CreateTopic("refused");
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "publisher" }, HandlerFactory.FromType(typeof(Publisher), "Handle"));
        RoleRegistry.For(sim).Attach("publisher", "publisher-role", []);

        var result = sim.Lambda.Invoke("publisher", $"\"{topic.Arn}\"");

        Assert.Equal("\"AuthorizationError\"", result.Payload);
        var entry = Assert.Single(sim.Trace.OfKind(TraceKind.ServiceCall), t => t.RequestId == result.RequestId);
        Assert.StartsWith("sns.Publish → AuthorizationError", entry.Detail, StringComparison.Ordinal);
        Assert.Empty(topic.Published);
    }
}
