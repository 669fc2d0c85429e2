using System.Text;
using Course.Sandbox.Iam;
using Course.Sandbox.Iam.Wire;

namespace Course.Sandbox.Tests.Iam.Wire;

/// <summary>IAM_02: each SDK request maps to the action and resource ARN the Service Authorization Reference names.</summary>
public sealed class SdkRequestAuthorizerTests
{
    private static readonly SdkRequestAuthorizer Mapper = new(RoleRegistry.For(new Simulation()));

    private static HttpRequestMessage Json(string target, string body) => new(HttpMethod.Post, "https://service.us-east-1.amazonaws.com/")
    {
        Headers = { { "X-Amz-Target", target } },
        Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0"),
    };

    private static async Task<List<(string, string)>> Map(string service, HttpRequestMessage request) => await Mapper.MapAsync(service, request, CancellationToken.None);

    [Theory]
    [InlineData("DynamoDB_20120810.PutItem", """{"TableName":"Orders"}""", "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders")]
    [InlineData("DynamoDB_20120810.Query", """{"TableName":"Orders","IndexName":"byDate"}""", "dynamodb:Query", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byDate")]
    [InlineData("DynamoDB_20120810.ListTables", "{}", "dynamodb:ListTables", "*")]
    [InlineData("AmazonSQS.SendMessageBatch", """{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/jobs"}""", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:jobs")]
    [InlineData("AmazonSQS.DeleteMessageBatch", """{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/jobs"}""", "sqs:DeleteMessage", "arn:aws:sqs:us-east-1:123456789012:jobs")]
    [InlineData("AmazonSQS.GetQueueUrl", """{"QueueName":"jobs"}""", "sqs:GetQueueUrl", "arn:aws:sqs:us-east-1:123456789012:jobs")]
    public async Task IAM_02_JsonServices_MapToActionAndArn(string target, string body, string action, string arn)
    {
        var service = target.StartsWith("Dynamo", StringComparison.Ordinal) ? "dynamodb" : "sqs";
        Assert.Equal([(action, arn)], await Map(service, Json(target, body)));
    }

    [Fact]
    public async Task IAM_02_BatchAndTransactItems_AreAuthorisedPerTableAndPerAction()
    {
        Assert.Equal(
            [("dynamodb:BatchWriteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/A"), ("dynamodb:BatchWriteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/B")],
            await Map("dynamodb", Json("DynamoDB_20120810.BatchWriteItem", """{"RequestItems":{"A":[],"B":[]}}""")));
        Assert.Equal(
            [("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/A"), ("dynamodb:ConditionCheckItem", "arn:aws:dynamodb:us-east-1:123456789012:table/B")],
            await Map("dynamodb", Json("DynamoDB_20120810.TransactWriteItems", """{"TransactItems":[{"Put":{"TableName":"A"}},{"ConditionCheck":{"TableName":"B"}}]}""")));
    }

    [Theory]
    [InlineData("GET", "https://docs.s3.us-east-1.amazonaws.com/in/a%20b.txt", "s3:GetObject", "arn:aws:s3:::docs/in/a b.txt")]
    [InlineData("HEAD", "https://docs.s3.us-east-1.amazonaws.com/in/a.txt", "s3:GetObject", "arn:aws:s3:::docs/in/a.txt")]
    [InlineData("PUT", "https://s3.us-east-1.amazonaws.com/docs/out/b.txt", "s3:PutObject", "arn:aws:s3:::docs/out/b.txt")]
    [InlineData("DELETE", "https://docs.s3.us-east-1.amazonaws.com/x", "s3:DeleteObject", "arn:aws:s3:::docs/x")]
    [InlineData("GET", "https://docs.s3.us-east-1.amazonaws.com/?list-type=2&prefix=in", "s3:ListBucket", "arn:aws:s3:::docs")]
    [InlineData("GET", "https://s3.us-east-1.amazonaws.com/", "s3:ListAllMyBuckets", "*")]
    public async Task IAM_02_S3Requests_MapToObjectOrBucketArns(string method, string url, string action, string arn) =>
        Assert.Equal([(action, arn)], await Map("s3", new HttpRequestMessage(new HttpMethod(method), url)));

    [Fact]
    public async Task IAM_02_CopyObject_NeedsGetOnTheSourceAndPutOnTheTarget()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "https://docs.s3.us-east-1.amazonaws.com/copy.txt") { Headers = { { "x-amz-copy-source", "/src/orig.txt" } } };
        Assert.Equal([("s3:GetObject", "arn:aws:s3:::src/orig.txt"), ("s3:PutObject", "arn:aws:s3:::docs/copy.txt")], await Map("s3", request));
    }
}
