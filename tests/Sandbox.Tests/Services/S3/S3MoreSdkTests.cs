using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.S3;

public sealed class S3MoreSdkTests
{
    private readonly S3Service _s3 = new(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), new Random(9));

    [Fact]
    public async Task GetObject_ByteRange_ReturnsPartialContent()
    {
        var client = WireClients.S3(new S3WireService(_s3));
        await client.PutBucketAsync("ranges");
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "ranges", Key = "abc", ContentBody = "0123456789" });
        using var get = await client.GetObjectAsync(new GetObjectRequest { BucketName = "ranges", Key = "abc", ByteRange = new ByteRange(2, 5) });
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("2345", await reader.ReadToEndAsync());
        Assert.Equal(HttpStatusCode.PartialContent, get.HttpStatusCode);
    }

    [Fact]
    public async Task ListBucketsAndDeleteBucket_Work()
    {
        var client = WireClients.S3(new S3WireService(_s3));
        await client.PutBucketAsync("one-bucket");
        await client.PutBucketAsync("two-bucket");
        Assert.Equal(["one-bucket", "two-bucket"], (await client.ListBucketsAsync()).Buckets.Select(b => b.BucketName));
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "two-bucket", Key = "k", ContentBody = "x" });
        var notEmpty = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.DeleteBucketAsync("two-bucket"));
        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);
        await client.DeleteBucketAsync("one-bucket");
        Assert.Single(_s3.Buckets);
    }

    [Fact]
    public async Task FaultInjector_Throttling_SdkSeesSlowDown()
    {
        var faults = new FaultInjector(new Random(1)).Script("PutObject", FaultKind.Throttling);
        var client = WireClients.S3(new S3WireService(_s3, faults));
        await client.PutBucketAsync("busy");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.PutObjectAsync(new PutObjectRequest { BucketName = "busy", Key = "k", ContentBody = "x" }));
        Assert.Equal("SlowDown", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Empty(_s3.GetBucket("busy").Objects);
    }

    [Fact]
    public async Task PutObject_WrongChecksumHeader_ThrowsBadDigest()
    {
        var client = WireClients.S3(new S3WireService(_s3));
        await client.PutBucketAsync("digest");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "digest",
            Key = "k",
            ContentBody = "payload",
            ChecksumCRC32 = "AAAAAA==",
        }));
        Assert.Equal("BadDigest", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task ListObjectsV1_MarkerPaging_ListsEveryKeyOnce()
    {
        var client = WireClients.S3(new S3WireService(_s3));
        await client.PutBucketAsync("legacy");
        var keys = new[] { "a", "b/1", "b/2", "c", "d e" };
        foreach (var key in keys)
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = "legacy", Key = key, ContentBody = "x" });
        }

        var seen = new List<string>();
        string? marker = null;
        do
        {
            var page = await client.ListObjectsAsync(new ListObjectsRequest { BucketName = "legacy", MaxKeys = 2, Marker = marker });
            seen.AddRange(page.S3Objects.Select(o => o.Key));
            marker = page.IsTruncated == true ? page.S3Objects[^1].Key : null;
        }
        while (marker is not null);
        Assert.Equal(keys, seen);

        var folders = await client.ListObjectsAsync(new ListObjectsRequest { BucketName = "legacy", Delimiter = "/" });
        Assert.Equal(["b/"], folders.CommonPrefixes);
        Assert.Equal(["a", "c", "d e"], folders.S3Objects.Select(o => o.Key));
    }
}
