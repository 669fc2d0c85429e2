using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Tests.Services.Wire;

public sealed class SandboxHttpMessageHandlerTests
{
    [Theory]
    [InlineData("https://dynamodb.us-east-1.amazonaws.com/", null, null, "dynamodb")]
    [InlineData("https://123456789012.ddb.us-east-1.amazonaws.com/", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc", null, "dynamodb")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/", null, "AmazonSQS.SendMessage", "sqs")]
    [InlineData("https://my-bucket.s3.us-east-1.amazonaws.com/key", null, null, "s3")]
    [InlineData("https://s3-us-west-2.amazonaws.com/bucket/key", null, null, "s3")]
    [InlineData("https://example.com/", null, "DynamoDBStreams_20120810.GetRecords", "dynamodbstreams")]
    public void ServiceIdOf_Request_FindsTheService(string uri, string? authorization, string? target, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        Assert.Equal(expected, SandboxHttpMessageHandler.ServiceIdOf(request));
    }

    [Fact]
    public async Task Send_UnregisteredService_Answers400NamingAvailableServices()
    {
        var factory = new SandboxHttpClientFactory();
        using var client = factory.CreateHttpClient(new Amazon.DynamoDBv2.AmazonDynamoDBConfig());

        using var response = await client.GetAsync(new Uri("https://sqs.us-east-1.amazonaws.com/"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no service answering 'sqs'", await response.Content.ReadAsStringAsync());
    }
}
