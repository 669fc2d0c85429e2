using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Course.Lambda.Core;
using Course.Sandbox.Clients.SimpleNotificationService;
using Course.Sandbox.Clients.SimpleNotificationService.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Tests.Services;

public class SimulationMessagingServicesTests
{
    /// <summary>Learner-style handler: clients built in INIT with no arguments, exactly as on AWS.</summary>
    public sealed class OrderHandler
    {
        private readonly AmazonS3Client _s3 = new();
        private readonly AmazonSQSClient _sqs = new();
        private readonly AmazonSimpleNotificationServiceClient _sns = new();

        public async Task<string> Handle(string orderId, ILambdaContext context)
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "orders", Key = $"{orderId}.json", ContentBody = "{\"id\":\"" + orderId + "\"}" });
            var url = (await _sqs.GetQueueUrlAsync("shipping")).QueueUrl;
            await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = orderId });
            var topicArn = (await _sns.CreateTopicAsync("order-events")).TopicArn;
            var published = await _sns.PublishAsync(new PublishRequest(topicArn, "created " + orderId));
            return published.MessageId!;
        }
    }

    [Fact]
    public void Handler_UsingS3SqsAndSnsClientsWithNoArguments_ReachesSimulationServices()
    {
        var sim = new Simulation(new SimulationOptions { Seed = 4 });
        sim.Services.S3.CreateBucket("orders");
        var shipping = sim.Services.Sqs.CreateQueue("shipping");
        var audit = sim.Services.Sqs.CreateQueue("audit");
        var topic = sim.Services.Sns.CreateTopic("order-events");
        sim.Services.Sns.Subscribe(topic.Arn, "sqs", audit.Arn, rawMessageDelivery: true);
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "orders", MemorySize = 512 }, HandlerFactory.FromType(typeof(OrderHandler), "Handle"));

        var result = sim.Lambda.Invoke("orders", "\"o-1\"");

        Assert.Null(result.FunctionError);
        Assert.Equal("{\"id\":\"o-1\"}", sim.Services.S3.GetObject("orders", "o-1.json").ReadAsString());
        Assert.Equal("o-1", Assert.Single(shipping.Messages).Body);
        Assert.Equal("created o-1", Assert.Single(audit.Messages).Body);
        Assert.Equal($"\"{topic.Published.Single().MessageId}\"", result.Payload);
        var calls = sim.Trace.OfKind(TraceKind.ServiceCall).Select(c => c.Detail).ToList();
        Assert.Contains(calls, d => d.StartsWith("s3.PutObject", StringComparison.Ordinal));
        Assert.Contains(calls, d => d.StartsWith("sqs.SendMessage", StringComparison.Ordinal));
        Assert.Contains(calls, d => d.StartsWith("sns.Publish", StringComparison.Ordinal));
    }
}
