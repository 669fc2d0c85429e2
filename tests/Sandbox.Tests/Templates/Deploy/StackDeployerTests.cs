using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Course.Lambda.Core;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Clients.SimpleNotificationService;
using Course.Sandbox.Clients.SimpleNotificationService.Model;
using Course.Sandbox.Hosting;
using Course.Sandbox.Iam;
using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Deploy;
using Course.Sandbox.Templates.Model;

namespace Course.Sandbox.Tests.Templates.Deploy;

public sealed class StackDeployerTests
{
    /// <summary>Writes one item to TABLE (allowed by the template) and one to OTHER (not allowed).</summary>
    public sealed class Writer
    {
        private readonly AmazonDynamoDBClient _db = new();

        public async Task<string> Handle(string table, ILambdaContext context)
        {
            var name = Environment.GetEnvironmentVariable(table)!;
            try
            {
                await _db.PutItemAsync(new PutItemRequest(name, new() { ["id"] = new AttributeValue("1") }));
                return "ok";
            }
            catch (AmazonDynamoDBException e)
            {
                return $"{e.ErrorCode}|{e.Message}";
            }
        }
    }

    /// <summary>Reads and writes objects in BUCKET.</summary>
    public sealed class ObjectUser
    {
        private readonly AmazonS3Client _s3 = new();

        public async Task<string> Handle(string op, ILambdaContext context)
        {
            var bucket = Environment.GetEnvironmentVariable("BUCKET")!;
            try
            {
                if (op == "get")
                {
                    using var r = await _s3.GetObjectAsync(bucket, "in/a.txt");
                    return "ok";
                }
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "out/b.txt", ContentBody = "x" });
                return "ok";
            }
            catch (AmazonS3Exception e)
            {
                return $"{e.ErrorCode}|{(int)e.StatusCode}|{e.Message}";
            }
        }
    }

    /// <summary>Publishes to TOPIC with the sandbox SNS client.</summary>
    public sealed class Publisher
    {
        public async Task<string> Handle(string message, ILambdaContext context)
        {
            try
            {
                await new AmazonSimpleNotificationServiceClient().PublishAsync(new PublishRequest { TopicArn = Environment.GetEnvironmentVariable("TOPIC"), Message = message });
                return "ok";
            }
            catch (AmazonSimpleNotificationServiceException e)
            {
                return $"{e.ErrorCode}|{e.Message}";
            }
        }
    }

    /// <summary>Sends one message to QUEUE.</summary>
    public sealed class Sender
    {
        public async Task<string> Handle(string body, ILambdaContext context)
        {
            using var sqs = new Amazon.SQS.AmazonSQSClient();
            try
            {
                await sqs.SendMessageAsync(Environment.GetEnvironmentVariable("QUEUE"), body);
                return "ok";
            }
            catch (Amazon.SQS.AmazonSQSException e)
            {
                return $"{e.ErrorCode}|{e.Message}";
            }
        }
    }

    /// <summary>Always fails.</summary>
    public sealed class Failer
    {
        public void Handle(string input, ILambdaContext context) => throw new InvalidOperationException("no");
    }

    /// <summary>Counts the SQS messages it gets.</summary>
    public sealed class Consumer
    {
        private static int s_received;

        public static int Received { get => s_received; set => s_received = value; }

        public void Handle(SQSEvent evt, ILambdaContext context) => Interlocked.Add(ref s_received, evt.Records.Count);
    }

    private static (Simulation Sim, DeployedStack Stack) Deploy(string yaml)
    {
        var sim = new Simulation();
        var template = TemplateLoader.Parse("Transform: AWS::Serverless-2016-10-31\n" + yaml, "template.yaml");
        var stack = StackDeployer.Deploy(sim, template, code => HandlerFactory.FromType(code.LogicalId switch
        {
            "Writer" => typeof(Writer),
            "Objects" => typeof(ObjectUser),
            "Publisher" => typeof(Publisher),
            "Sender" => typeof(Sender),
            "Failer" => typeof(Failer),
            _ => typeof(Consumer),
        }, "Handle"));
        return (sim, stack);
    }

    private const string Function = """
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              Handler: T::T.F::Handle
              InlineCode: "// compiled by the test's handler factory"
        """;

    [Fact]
    public void IAM_01_DeployedRole_AllowsItsTable_DeniesAnotherWithAwsMessage()
    {
        var (sim, stack) = Deploy($"""
            Resources:
              Allowed:
                Type: AWS::Serverless::SimpleTable
              Other:
                Type: AWS::Serverless::SimpleTable
              Writer:
            {Function}
                  Environment:
                    Variables:
                      TABLE: !Ref Allowed
                      OTHER: !Ref Other
                  Policies:
                    - DynamoDBWritePolicy:
                        TableName: !Ref Allowed
            """);
        var name = stack.Functions["Writer"];
        Assert.Equal("\"ok\"", sim.Lambda.Invoke(name, "\"TABLE\"").Payload);
        var denied = sim.Lambda.Invoke(name, "\"OTHER\"").Payload!.Trim('"').Split('|');
        Assert.Equal("AccessDeniedException", denied[0]);
        var role = RoleRegistry.For(sim).RoleOf(name)!.RoleName;
        Assert.Equal($"User: arn:aws:sts::123456789012:assumed-role/{role}/{name} is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/{stack.PhysicalIds["Other"]} because no identity-based policy allows the dynamodb:PutItem action", denied[1]);
        Assert.Equal(Decision.Allow, RoleRegistry.For(sim).Calls[0].Decision);
    }

    [Fact]
    public void IAM_02_S3ReadPolicy_CoversObjectsByWildcard_WritesAreDenied()
    {
        var (sim, stack) = Deploy($"""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Objects:
            {Function}
                  Environment:
                    Variables:
                      BUCKET: !Ref Bucket
                  Policies:
                    - S3ReadPolicy:
                        BucketName: !Ref Bucket
            """);
        sim.Services.S3.PutObject(stack.PhysicalIds["Bucket"], "in/a.txt", "hello");
        var name = stack.Functions["Objects"];
        Assert.Equal("\"ok\"", sim.Lambda.Invoke(name, "\"get\"").Payload);
        var denied = sim.Lambda.Invoke(name, "\"put\"").Payload!.Trim('"').Split('|');
        Assert.Equal("AccessDenied", denied[0]);
        Assert.Equal("403", denied[1]);
        Assert.Contains($"s3:PutObject on resource: \\\"arn:aws:s3:::{stack.PhysicalIds["Bucket"]}/out/b.txt\\\"", denied[2], StringComparison.Ordinal);
    }

    [Fact]
    public void IAM_01_SandboxSnsClient_IsAuthorisedToo()
    {
        var (sim, stack) = Deploy($"""
            Resources:
              Granted:
                Type: AWS::SNS::Topic
              Refused:
                Type: AWS::SNS::Topic
              Publisher:
            {Function}
                  Environment:
                    Variables:
                      TOPIC: !Ref Refused
                  Policies:
                    - SNSPublishMessagePolicy:
                        TopicName: !GetAtt Granted.TopicName
            """);
        var result = sim.Lambda.Invoke(stack.Functions["Publisher"], "\"hi\"").Payload!.Trim('"').Split('|');
        Assert.Equal("AuthorizationError", result[0]);
        Assert.Contains($"sns:Publish on resource: {stack.PhysicalIds["Refused"]}", result[1], StringComparison.Ordinal);
    }

    [Fact]
    public void IAM_01_SqsSendWithoutGrant_IsAccessDeniedInSqsWords()
    {
        var (sim, stack) = Deploy($"""
            Resources:
              Granted:
                Type: AWS::SQS::Queue
              Other:
                Type: AWS::SQS::Queue
              Sender:
            {Function}
                  Environment:
                    Variables:
                      QUEUE: !Ref Other
                  Policies:
                    - SQSSendMessagePolicy:
                        QueueName: !GetAtt Granted.QueueName
            """);
        var result = sim.Lambda.Invoke(stack.Functions["Sender"], "\"hi\"").Payload!.Trim('"').Split('|');
        Assert.Equal("AccessDenied", result[0]);
        Assert.Equal("Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.", result[1]);
        var record = RoleRegistry.For(sim).Calls.Single();
        Assert.Equal(("sqs:SendMessage", $"arn:aws:sqs:us-east-1:123456789012:{sim.Services.Sqs.GetQueue(stack.PhysicalIds["Other"]).Name}", Decision.ImplicitDeny), (record.Action, record.Resource, record.Decision));
    }

    [Fact]
    public void SAM_02_SqsEvent_IsDeployedAsAWorkingMapping()
    {
        Consumer.Received = 0;
        var (sim, stack) = Deploy($"""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 30
              Consumer:
            {Function}
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
                        BatchSize: 5
            """);
        var queue = sim.Services.Sqs.GetQueue(stack.PhysicalIds["Jobs"]);
        for (var i = 0; i < 7; i++)
        {
            queue.Send(new Course.Sandbox.Services.Sqs.SqsSendRequest { Body = $"m{i}" });
        }
        sim.RunFor(TimeSpan.FromSeconds(30));
        Assert.Equal(7, Consumer.Received);
    }

    [Fact]
    public void EventInvokeConfig_OnFailureQueue_ReceivesTheEventAfterTheRetries()
    {
        var (sim, stack) = Deploy($"""
            Resources:
              Failer:
            {Function}
                  EventInvokeConfig:
                    MaximumRetryAttempts: 1
                    DestinationConfig:
                      OnFailure:
                        Type: SQS
            """);
        sim.Lambda.InvokeAsync(stack.Functions["Failer"], "\"x\"", Course.Sandbox.Invocation.InvocationType.Event);
        sim.RunFor(TimeSpan.FromMinutes(10));
        Assert.Equal(2, sim.Lambda.GetFunction(stack.Functions["Failer"]).Environments.Sum(e => e.Log.Events.Count(l => l.Message.StartsWith("START", StringComparison.Ordinal))));
        var queue = sim.Services.Sqs.GetQueue(stack.PhysicalIds["FailerEventInvokeConfigOnFailureQueue"]);
        Assert.Equal("1", queue.GetAttributes()["ApproximateNumberOfMessages"]);
    }

    [Fact]
    public void FunctionSettings_AndGeneratedNames_FollowTheTemplate()
    {
        var (sim, stack) = Deploy($"""
            Parameters:
              Memory:
                Type: Number
                Default: 512
            Resources:
              Writer:
            {Function}
                  MemorySize: !Ref Memory
                  Timeout: 20
                  Architectures: [arm64]
            """);
        var options = sim.Lambda.GetFunction(stack.Functions["Writer"]).Options;
        Assert.Equal(20, options.Timeout.TotalSeconds);
        Assert.Equal(Course.Sandbox.Functions.Architecture.Arm64, options.Architecture);
        Assert.Matches("^sam-app-Writer-[0-9A-F]{12}$", stack.Functions["Writer"]);
    }

    [Fact]
    public void BadWiring_FailsWithThePlaceOfTheResource()
    {
        var e = Assert.Throws<TemplateException>(() => Deploy($"""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 5
              Consumer:
            {Function}
                  Timeout: 30
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
            """));
        Assert.StartsWith("template.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("visibility timeout", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
