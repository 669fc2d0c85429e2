using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Tests.Services.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Services.S3;

public sealed class S3SdkTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly S3Service _s3;
    private readonly RecordingObserver _observer = new();
    private readonly AmazonS3Client _client;

    public S3SdkTests()
    {
        _s3 = new S3Service(_time, new Random(7));
        _client = WireClients.S3(new S3WireService(_s3, observer: _observer));
    }

    [Fact]
    public async Task PutObject_DefaultSdkChecksum_StoresContentEtagAndMetadata()
    {
        await _client.PutBucketAsync("photos");
        _time.Advance(TimeSpan.FromMinutes(3));
        var put = await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "photos",
            Key = "in/cat 1.txt",
            ContentBody = "meow",
            ContentType = "text/plain",
            Metadata = { ["owner"] = "ann" },
        });

        var stored = _s3.GetObject("photos", "in/cat 1.txt");
        Assert.Equal("meow", stored.ReadAsString());
        Assert.Equal("\"4a4be40c96ac6314e91d93f38043a634\"", stored.ETag);
        Assert.Equal(stored.ETag, put.ETag);
        Assert.Equal(Start.AddMinutes(3), stored.LastModified);
        Assert.Equal("text/plain", stored.ContentType);
        Assert.Equal("ann", stored.Metadata["owner"]);
        Assert.NotNull(stored.Checksum);
    }

    [Fact]
    public async Task GetObject_AfterPut_ReturnsBodyHeadersAndMetadata()
    {
        await _client.PutBucketAsync("docs");
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "docs", Key = "a.json", ContentBody = "{\"x\":1}", ContentType = "application/json", Metadata = { ["v"] = "2" } });

        using var get = await _client.GetObjectAsync("docs", "a.json");
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("{\"x\":1}", await reader.ReadToEndAsync());
        Assert.Equal("application/json", get.Headers.ContentType);
        Assert.Equal("2", get.Metadata["v"]);
        Assert.Equal(Start, new DateTimeOffset(get.LastModified!.Value.ToUniversalTime()));

        var head = await _client.GetObjectMetadataAsync("docs", "a.json");
        Assert.Equal(7, head.ContentLength);
        Assert.Equal(get.ETag, head.ETag);
    }

    [Fact]
    public async Task PutObject_StreamUpload_DecodesAwsChunkedBody()
    {
        var spy = new SpyWireService(new S3WireService(_s3));
        var client = WireClients.S3(spy);
        await client.PutBucketAsync("big");
        var bytes = new byte[200_000];
        new Random(3).NextBytes(bytes);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "big",
            Key = "blob.bin",
            InputStream = new NonSeekableStream(bytes),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC64NVME,
            UseChunkEncoding = true,
        });

        var put = spy.Requests[^1];
        Assert.Contains("aws-chunked", put["content-encoding"]);
        Assert.Equal("x-amz-checksum-crc64nvme", put["x-amz-trailer"]);
        Assert.Equal(bytes, _s3.GetObject("big", "blob.bin").Content.ToArray());
        Assert.Equal("CRC64NVME", _s3.GetObject("big", "blob.bin").Checksum!.Value.Algorithm);
    }

    [Theory]
    [InlineData("CRC32")]
    [InlineData("CRC32C")]
    [InlineData("SHA1")]
    [InlineData("SHA256")]
    public async Task PutObject_EachChecksumAlgorithm_IsVerifiedAndStored(string algorithm)
    {
        await _client.PutBucketAsync("sums");
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "sums",
            Key = "k",
            InputStream = new MemoryStream(Encoding.UTF8.GetBytes("checksum me")),
            ChecksumAlgorithm = new ChecksumAlgorithm(algorithm),
        });

        Assert.Equal(algorithm, _s3.GetObject("sums", "k").Checksum!.Value.Algorithm);
        using var get = await _client.GetObjectAsync(new GetObjectRequest { BucketName = "sums", Key = "k", ChecksumMode = ChecksumMode.ENABLED });
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("checksum me", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task GetObject_MissingKey_ThrowsNoSuchKey404()
    {
        await _client.PutBucketAsync("bucket-one");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectAsync("bucket-one", "missing.txt"));
        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains(_observer.Calls, c => c is { Service: "s3", Operation: "GetObject", Outcome: "NoSuchKey" });
    }

    [Fact]
    public async Task GetObject_MissingBucket_ThrowsNoSuchBucket()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectAsync("nobucket", "k"));
        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task HeadObject_MissingKey_Throws404()
    {
        await _client.PutBucketAsync("bucket-two");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectMetadataAsync("bucket-two", "missing"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CreateBucket_Twice_ThrowsBucketAlreadyOwnedByYou()
    {
        await _client.PutBucketAsync("dup");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.PutBucketAsync("dup"));
        Assert.Equal("BucketAlreadyOwnedByYou", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task DeleteObject_Existing_RemovesIt()
    {
        await _client.PutBucketAsync("del");
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "del", Key = "x", ContentBody = "1" });
        await _client.DeleteObjectAsync("del", "x");
        Assert.Empty(_s3.GetBucket("del").Objects);
        await _client.DeleteObjectAsync("del", "x");
    }

    [Fact]
    public async Task ListObjectsV2_PrefixDelimiterAndPaging_MatchS3()
    {
        await _client.PutBucketAsync("list");
        foreach (var key in new[] { "a/1.txt", "a/2.txt", "a/sub/3.txt", "b/4.txt", "top.txt", "with space.txt" })
        {
            await _client.PutObjectAsync(new PutObjectRequest { BucketName = "list", Key = key, ContentBody = key });
        }

        var all = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list" });
        Assert.Equal(["a/1.txt", "a/2.txt", "a/sub/3.txt", "b/4.txt", "top.txt", "with space.txt"], all.S3Objects.Select(o => o.Key));
        Assert.Equal(7, all.S3Objects[0].Size);

        var folders = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list", Prefix = "a/", Delimiter = "/" });
        Assert.Equal(["a/1.txt", "a/2.txt"], folders.S3Objects.Select(o => o.Key));
        Assert.Equal(["a/sub/"], folders.CommonPrefixes);

        var keys = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list", MaxKeys = 4, ContinuationToken = token });
            keys.AddRange(page.S3Objects.Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);
        Assert.Equal(2, pages);
        Assert.Equal(all.S3Objects.Select(o => o.Key), keys);
    }

    [Fact]
    public async Task VirtualHostedStyle_PutAndGet_Work()
    {
        var client = WireClients.S3(new S3WireService(_s3), forcePathStyle: false);
        await client.PutBucketAsync("vhost");
        await client.PutObjectAsync(new PutObjectRequest { BucketName = "vhost", Key = "k/v.txt", ContentBody = "hi" });
        Assert.Equal("hi", _s3.GetObject("vhost", "k/v.txt").ReadAsString());
    }

    [Fact]
    public async Task UnsupportedOperation_AnswersNotImplementedNamingIt()
    {
        await _client.PutBucketAsync("src");
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "src", Key = "a", ContentBody = "1" });
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = "src", Key = "a" }));
        Assert.Equal("NotImplemented", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Contains("GetObjectTagging", error.Message);
    }

    [Fact]
    public async Task CopyObject_KeepsContentAndMetadata_RaisesObjectCreatedCopy()
    {
        await _client.PutBucketAsync("src");
        await _client.PutBucketAsync("dst");
        _s3.PutBucketNotificationConfiguration("dst", [new S3NotificationRule("copies", "arn:aws:lambda:us-east-1:123456789012:function:f", ["s3:ObjectCreated:*"])]);
        var raised = new List<S3Notification>();
        _s3.NotificationRaised += raised.Add;
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = "src", Key = "a b.txt", ContentBody = "data", ContentType = "text/csv", Metadata = { ["m"] = "1" } });
        _time.Advance(TimeSpan.FromSeconds(5));

        var copy = await _client.CopyObjectAsync("src", "a b.txt", "dst", "copied/a b.txt");
        var stored = _s3.GetObject("dst", "copied/a b.txt");
        Assert.Equal(_s3.GetObject("src", "a b.txt").ETag, copy.ETag);
        Assert.Equal("data", stored.ReadAsString());
        Assert.Equal("text/csv", stored.ContentType);
        Assert.Equal("1", stored.Metadata["m"]);
        Assert.Equal(Start.AddSeconds(5), stored.LastModified);
        Assert.Equal("ObjectCreated:Copy", Assert.Single(raised).EventName);

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _client.CopyObjectAsync("src", "nope", "dst", "x"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
    }

    [Fact]
    public async Task DeleteObjects_RemovesAllListedKeys()
    {
        await _client.PutBucketAsync("bulk");
        foreach (var key in new[] { "1", "2", "3" })
        {
            await _client.PutObjectAsync(new PutObjectRequest { BucketName = "bulk", Key = key, ContentBody = key });
        }

        var response = await _client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "bulk", Objects = [new KeyVersion { Key = "1" }, new KeyVersion { Key = "3" }, new KeyVersion { Key = "9" }] });
        Assert.Equal(["1", "3", "9"], response.DeletedObjects.Select(d => d.Key));
        Assert.Equal(["2"], _s3.GetBucket("bulk").Objects.Select(o => o.Key));
    }

    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
