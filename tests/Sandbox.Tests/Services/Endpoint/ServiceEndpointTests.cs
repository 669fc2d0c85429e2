using Course.Lambda.Core;
using Course.Sandbox.Clients.SimpleNotificationService;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Faults;

namespace Course.Sandbox.Tests.Services.Endpoint;

/// <summary>The one endpoint every handler call crosses: its per-service seeded faults and its one record of each call.</summary>
public sealed class ServiceEndpointTests
{
    [Fact]
    public void Faults_OneInjectorPerService_CreatedOnFirstUse()
    {
        var sim = TestHandlers.Sim();

        var sns = sim.Services.Endpoint.Faults("sns");

        Assert.Same(sns, sim.Services.Endpoint.Faults("sns"));
        Assert.NotSame(sns, sim.Services.Endpoint.Faults("events"));
        Assert.Throws<ArgumentException>(() => sim.Services.Endpoint.Faults(""));
    }

    [Fact]
    public void Faults_TheWireServicesInjectors_AreTheEndpoints()
    {
        var sim = TestHandlers.Sim();

        Assert.Same(sim.Services.S3Faults, sim.Services.Endpoint.Faults("s3"));
        Assert.Same(sim.Services.SqsFaults, sim.Services.Endpoint.Faults("sqs"));
        Assert.Same(sim.Services.DynamoDbFaults, sim.Services.Endpoint.Faults("dynamodb"));
    }

    [Fact]
    public void Faults_AreDrawnFromTheSimulationsSeed_SameSeedSameFaults()
    {
        static string Draws(int seed, string service)
        {
            var faults = TestHandlers.Sim(seed).Services.Endpoint.Faults(service);
            faults.ErrorRate = 0.5;
            return string.Concat(Enumerable.Range(0, 64).Select(_ => faults.Decide("Publish").Fails ? '1' : '0'));
        }

        Assert.Equal(Draws(7, "sns"), Draws(7, "sns"));
        Assert.Contains('1', Draws(7, "sns"));
        Assert.Contains('0', Draws(7, "sns"));
        Assert.NotEqual(Draws(7, "sns"), Draws(7, "events"));   // each service has its own stream of draws
        Assert.NotEqual(Draws(7, "sns"), Draws(8, "sns"));
    }

    /// <summary>Creates a topic in INIT and publishes to it in each invocation.</summary>
    public sealed class InitAndInvoke
    {
        private readonly AmazonSimpleNotificationServiceClient _sns = new();
        private readonly string _topicArn;

        public InitAndInvoke() => _topicArn = _sns.CreateTopicAsync("t").GetAwaiter().GetResult().TopicArn!;

        public async Task<string> Handle(string message, ILambdaContext context) =>
            (await _sns.PublishAsync(_topicArn, message)).MessageId!;
    }

    [Fact]
    public void Record_EachCallOnce_InTheEndpointThePhaseAndTheTrace_MarkingInitCalls()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromType(typeof(InitAndInvoke), nameof(InitAndInvoke.Handle)));

        var result = sim.Lambda.Invoke("f", "\"hello\"");

        Assert.Null(result.FunctionError);
        Assert.Equal([("sns", "CreateTopic", "Success"), ("sns", "Publish", "Success")], sim.Services.Endpoint.Calls.Select(c => (c.Service, c.Operation, c.Outcome)));
        var env = Assert.Single(sim.Lambda.GetFunction("f").Environments);
        Assert.Equal("CreateTopic", Assert.Single(env.InitCalls).Operation);
        var traced = sim.Trace.OfKind(TraceKind.ServiceCall).ToList();
        Assert.Equal(2, traced.Count);
        Assert.Equal("sns.CreateTopic → Success (50 ms) during INIT", traced[0].Detail);
        Assert.Equal("sns.Publish → Success (20 ms)", traced[1].Detail);
        Assert.All(traced, t => Assert.Equal(("f", env.Id), (t.Source, t.EnvironmentId)));
        Assert.Equal(result.RequestId, traced[1].RequestId);
    }

    [Fact]
    public void Record_AFailedCall_IsRecordedWithTheErrorAsItsOutcome()
    {
        var sim = TestHandlers.Sim();
        sim.Services.Endpoint.Faults("sns").Script("Publish", FaultKind.Throttling);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f" }, HandlerFactory.FromType(typeof(InitAndInvoke), nameof(InitAndInvoke.Handle)));

        var result = sim.Lambda.Invoke("f", "\"hello\"");

        Assert.Equal("ThrottledException", result.ErrorType);
        Assert.Equal("Throttled", sim.Services.Endpoint.Calls[^1].Outcome);
        Assert.Equal("sns.Publish → Throttled (20 ms)", sim.Trace.OfKind(TraceKind.ServiceCall).Last().Detail);
    }
}
