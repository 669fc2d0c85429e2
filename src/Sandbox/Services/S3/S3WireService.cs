using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.S3;

/// <summary>
/// S3 on the wire, as AWSSDK.S3 4.x speaks it: REST-XML, bucket in the host (virtual-hosted style,
/// <c>bucket.s3.sandbox.local</c>) or in the path (path style). PutObject accepts the SDK's default additional
/// checksums (CRC32, CRC32C, CRC64NVME, SHA1, SHA256) in headers or as trailers of an <c>aws-chunked</c> streaming
/// body, and verifies them (<c>BadDigest</c> otherwise). Errors are S3's XML <c>&lt;Error&gt;</c> documents with AWS's
/// codes and statuses, so the SDK throws <c>AmazonS3Exception</c> with the same <c>ErrorCode</c>.
/// </summary>
/// <remarks>
/// Operations: CreateBucket, DeleteBucket, HeadBucket, ListBuckets, GetBucketLocation, ListObjects, ListObjectsV2, PutObject,
/// GetObject (with single byte ranges), HeadObject, CopyObject, DeleteObject, DeleteObjects,
/// Put/GetBucketNotificationConfiguration; others (multipart upload, tagging, versioning, ACLs, …) answer
/// 501 <c>NotImplemented</c> naming the operation. Modelled latency (reported, not waited): GetObject/HeadObject 15 ms,
/// PutObject and CopyObject 25 ms + 10 ms per MiB, DeleteObject 15 ms, ListObjects(V2) 30 ms, other operations 50 ms.
/// </remarks>
public sealed partial class S3WireService : IWireService
{
    private static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly S3Service _s3;
    private readonly FaultInjector? _faults;
    private readonly IServiceCallObserver? _observer;

    /// <summary>Creates the endpoint over <paramref name="s3"/>.</summary>
    /// <param name="s3">The sandbox S3.</param>
    /// <param name="faults">Asked before each operation runs; a failing decision answers <c>SlowDown</c> (throttling
    /// kinds, 503) or <c>InternalError</c> (500). Null (the default) injects nothing.</param>
    /// <param name="observer">Receives every handled call; null for none.</param>
    public S3WireService(S3Service s3, FaultInjector? faults = null, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(s3);
        _s3 = s3;
        _faults = faults;
        _observer = observer;
    }

    /// <inheritdoc />
    public string ServiceId => "s3";

    /// <summary>The modelled latency of one operation (see the remarks on <see cref="S3WireService"/>).</summary>
    /// <param name="operation">The operation name.</param>
    /// <param name="bytes">Payload bytes moved (PutObject).</param>
    /// <returns>The latency.</returns>
    public static TimeSpan ModelledLatency(string operation, long bytes = 0) => operation switch
    {
        "GetObject" or "HeadObject" or "DeleteObject" => TimeSpan.FromMilliseconds(15),
        "PutObject" or "CopyObject" => TimeSpan.FromMilliseconds(25 + (10.0 * bytes / (1024 * 1024))),
        "ListObjectsV2" or "ListObjects" => TimeSpan.FromMilliseconds(30),
        _ => TimeSpan.FromMilliseconds(50),
    };

    /// <inheritdoc />
    public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = Parse(request);
        var operation = OperationOf(request, target);
        var requestId = _s3.NewRequestId();
        HttpResponseMessage response;
        var outcome = ServiceCall.Success;
        long bytes = 0;
        var decision = FaultDecision.None;
        try
        {
            if (_faults is not null)
            {
                lock (_faults)
                {
                    decision = _faults.Decide(operation);
                }
            }

            if (decision.Fails)
            {
                throw decision.Kind == FaultKind.InternalServerError
                    ? new S3Exception("InternalError", "We encountered an internal error. Please try again.", HttpStatusCode.InternalServerError)
                    : new S3Exception("SlowDown", "Please reduce your request rate.", HttpStatusCode.ServiceUnavailable);
            }

            (response, bytes) = operation switch
            {
                "ListBuckets" => (ListBuckets(), 0L),
                "CreateBucket" => (CreateBucket(target.Bucket!), 0L),
                "DeleteBucket" => (Empty(HttpStatusCode.NoContent, () => _s3.DeleteBucket(target.Bucket!)), 0L),
                "HeadBucket" => (Empty(HttpStatusCode.OK, () => _s3.GetBucket(target.Bucket!)), 0L),
                "GetBucketLocation" => (GetBucketLocation(target.Bucket!), 0L),
                "ListObjectsV2" => (ListObjectsV2(target), 0L),
                "ListObjects" => (ListObjects(target), 0L),
                "PutBucketNotificationConfiguration" => (await PutNotificationAsync(request, target.Bucket!, cancellationToken).ConfigureAwait(false), 0L),
                "GetBucketNotificationConfiguration" => (GetNotification(target.Bucket!), 0L),
                "PutObject" => await PutObjectAsync(request, target, cancellationToken).ConfigureAwait(false),
                "GetObject" or "HeadObject" => GetObject(request, target, operation == "HeadObject"),
                "DeleteObject" => (Empty(HttpStatusCode.NoContent, () => _s3.DeleteObject(target.Bucket!, target.Key!)), 0L),
                "DeleteObjects" => (await DeleteObjectsAsync(request, target.Bucket!, cancellationToken).ConfigureAwait(false), 0L),
                "CopyObject" => CopyObject(request, target),
                _ => throw new S3Exception("NotImplemented", $"The sandbox S3 does not support the operation '{operation}'.", HttpStatusCode.NotImplemented),
            };
        }
        catch (S3Exception e)
        {
            outcome = e.ErrorCode;
            response = Error(e, request.Method == HttpMethod.Head, requestId);
        }

        response.Headers.TryAddWithoutValidation("x-amz-request-id", requestId);
        response.Headers.TryAddWithoutValidation("x-amz-id-2", requestId + "/sandbox");
        response.RequestMessage = request;
        _observer?.OnCall(new ServiceCall(ServiceId, operation, outcome, ModelledLatency(operation, bytes) + decision.ExtraLatency));
        return response;
    }

    private sealed record Target(string? Bucket, string? Key, Dictionary<string, string> Query);

    private static Target Parse(HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            query[name] = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
        }

        var path = uri.AbsolutePath.TrimStart('/');
        var host = uri.Host;
        var s3Label = host.IndexOf(".s3.", StringComparison.OrdinalIgnoreCase);
        string? bucket;
        string rawKey;
        if (s3Label > 0)
        {
            bucket = host[..s3Label];
            rawKey = path;
        }
        else
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            bucket = slash < 0 ? path : path[..slash];
            rawKey = slash < 0 ? string.Empty : path[(slash + 1)..];
            bucket = bucket.Length == 0 ? null : Uri.UnescapeDataString(bucket);
        }

        return new Target(bucket, rawKey.Length == 0 ? null : Uri.UnescapeDataString(rawKey), query);
    }

    private static string OperationOf(HttpRequestMessage request, Target target)
    {
        var method = request.Method.Method;
        var q = target.Query;
        string SubResource(string scope)
        {
            var verb = method switch { "GET" => "Get", "PUT" => "Put", "DELETE" => "Delete", "POST" => "Post", "HEAD" => "Head", _ => method };
            var resource = q.Keys.FirstOrDefault(k => !k.StartsWith("x-", StringComparison.Ordinal));
            return resource is null ? verb + scope : verb + scope + char.ToUpperInvariant(resource[0]) + resource[1..];
        }

        if (target.Bucket is null)
        {
            return method == "GET" ? "ListBuckets" : $"{method} /";
        }

        if (target.Key is null)
        {
            return method switch
            {
                "PUT" when q.ContainsKey("notification") => "PutBucketNotificationConfiguration",
                "PUT" when q.Count == 0 => "CreateBucket",
                "GET" when q.ContainsKey("notification") => "GetBucketNotificationConfiguration",
                "GET" when q.ContainsKey("location") => "GetBucketLocation",
                "GET" when q.TryGetValue("list-type", out var v) && v == "2" => "ListObjectsV2",
                "GET" when q.Keys.All(k => k is "prefix" or "marker" or "delimiter" or "max-keys" or "encoding-type" or "x-id") => "ListObjects",
                "HEAD" => "HeadBucket",
                "DELETE" when q.Count == 0 => "DeleteBucket",
                "POST" when q.ContainsKey("delete") => "DeleteObjects",
                _ => SubResource("Bucket"),
            };
        }

        var plain = q.Keys.All(k => k is "x-id" or "versionId");
        return method switch
        {
            "PUT" when request.Headers.Contains("x-amz-copy-source") => "CopyObject",
            "PUT" when q.ContainsKey("partNumber") => "UploadPart",
            "PUT" when plain => "PutObject",
            "GET" when plain => "GetObject",
            "HEAD" when plain => "HeadObject",
            "DELETE" when q.ContainsKey("uploadId") => "AbortMultipartUpload",
            "DELETE" when plain => "DeleteObject",
            "POST" when q.ContainsKey("uploads") => "CreateMultipartUpload",
            "POST" when q.ContainsKey("uploadId") => "CompleteMultipartUpload",
            _ => SubResource("Object"),
        };
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
        : request.Content?.Headers.TryGetValues(name, out var content) == true ? content.FirstOrDefault()
        : null;

    private static HttpResponseMessage Empty(HttpStatusCode status, Action action)
    {
        action();
        return new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
    }

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static HttpResponseMessage Xml(XElement root, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return response;
    }

    private static HttpResponseMessage Error(S3Exception e, bool head, string requestId)
    {
        if (head)
        {
            return new HttpResponseMessage(e.StatusCode) { Content = new ByteArrayContent([]) };
        }

        var root = new XElement("Error",
            new XElement("Code", e.ErrorCode),
            new XElement("Message", e.Message),
            e.Resource is null ? null : new XElement(e.ErrorCode is "NoSuchBucket" or "BucketAlreadyOwnedByYou" or "BucketNotEmpty" or "InvalidBucketName" ? "BucketName" : "Key", e.Resource),
            new XElement("RequestId", requestId),
            new XElement("HostId", requestId + "/sandbox"));
        return Xml(root, e.StatusCode);
    }
}
