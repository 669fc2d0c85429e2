using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.Wire;

/// <summary>Learner-style clients (real AWS endpoints: HTTPS, virtual-hosted S3) routed by the shared factory.</summary>
public sealed class DefaultEndpointRoutingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task S3AndSqs_DefaultRegionEndpoints_ReachSandboxServices()
    {
        var random = new Random(3);
        var s3 = new S3Service(_time, random);
        var sqs = new SqsService(_time, random);
        var factory = new SandboxHttpClientFactory(new S3WireService(s3), new SqsWireService(sqs));
        var credentials = new BasicAWSCredentials("test", "test");
        var s3Client = new AmazonS3Client(credentials, new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1, HttpClientFactory = factory, MaxErrorRetry = 0 });
        var sqsClient = new AmazonSQSClient(credentials, new AmazonSQSConfig { RegionEndpoint = RegionEndpoint.USEast1, HttpClientFactory = factory, MaxErrorRetry = 0 });

        await s3Client.PutBucketAsync("learner-bucket");
        await s3Client.PutObjectAsync(new PutObjectRequest { BucketName = "learner-bucket", Key = "dir/file.txt", ContentBody = "content" });
        using (var get = await s3Client.GetObjectAsync("learner-bucket", "dir/file.txt"))
        using (var reader = new StreamReader(get.ResponseStream))
        {
            Assert.Equal("content", await reader.ReadToEndAsync());
        }

        Assert.Equal("dir/file.txt", Assert.Single((await s3Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "learner-bucket" })).S3Objects).Key);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3Client.GetObjectAsync("learner-bucket", "nope"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);

        var url = (await sqsClient.CreateQueueAsync("learner-queue")).QueueUrl;
        await sqsClient.SendMessageAsync(url, "hi");
        Assert.Equal("hi", Assert.Single((await sqsClient.ReceiveMessageAsync(url)).Messages).Body);
    }
}
