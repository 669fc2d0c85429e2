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
public sealed class S3WireService : IWireService
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

    private HttpResponseMessage CreateBucket(string bucket)
    {
        _s3.CreateBucket(bucket);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.Location = new Uri("/" + bucket, UriKind.Relative);
        return response;
    }

    private HttpResponseMessage ListBuckets() => Xml(new XElement(Ns + "ListAllMyBucketsResult",
        new XElement(Ns + "Owner", new XElement(Ns + "ID", "sandbox-owner"), new XElement(Ns + "DisplayName", "sandbox")),
        new XElement(Ns + "Buckets", _s3.Buckets.Select(b => new XElement(Ns + "Bucket",
            new XElement(Ns + "Name", b.Name), new XElement(Ns + "CreationDate", Iso(b.CreationDate)))))));

    private HttpResponseMessage GetBucketLocation(string bucket)
    {
        var region = _s3.GetBucket(bucket).Region;
        return Xml(new XElement(Ns + "LocationConstraint", region == "us-east-1" ? null : region));
    }

    private sealed record ListPage(List<S3Object> Contents, List<string> Prefixes, bool Truncated, string? Last, int MaxKeys);

    private static ListPage Page(S3Bucket bucket, string prefix, string? delimiter, string? after, int maxKeys)
    {
        var contents = new List<S3Object>();
        var prefixes = new List<string>();
        string? last = null;
        var truncated = false;
        foreach (var item in bucket.Objects)
        {
            if (!item.Key.StartsWith(prefix, StringComparison.Ordinal) || (after is not null && string.CompareOrdinal(item.Key, after) <= 0))
            {
                continue;
            }

            string? common = null;
            if (!string.IsNullOrEmpty(delimiter))
            {
                var index = item.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                common = index < 0 ? null : item.Key[..(index + delimiter.Length)];
            }

            if (common is not null && prefixes.Count > 0 && prefixes[^1] == common)
            {
                last = item.Key;
                continue;
            }

            if (contents.Count + prefixes.Count == maxKeys)
            {
                truncated = true;
                break;
            }

            if (common is not null)
            {
                prefixes.Add(common);
            }
            else
            {
                contents.Add(item);
            }

            last = item.Key;
        }

        return new ListPage(contents, prefixes, truncated, last, maxKeys);
    }

    private static int MaxKeys(Dictionary<string, string> q)
    {
        var maxKeys = 1000;
        if (q.TryGetValue("max-keys", out var mk) && (!int.TryParse(mk, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxKeys) || maxKeys < 0))
        {
            throw S3Exception.InvalidArgument("Provided max-keys not an integer or within integer range");
        }

        return Math.Min(maxKeys, 1000);
    }

    private static XElement ContentsElement(S3Object o, Func<string, string> encode, bool owner) => new(Ns + "Contents",
        new XElement(Ns + "Key", encode(o.Key)),
        new XElement(Ns + "LastModified", Iso(o.LastModified)),
        new XElement(Ns + "ETag", o.ETag),
        o.Checksum is { } c ? new XElement(Ns + "ChecksumAlgorithm", c.Algorithm) : null,
        new XElement(Ns + "Size", o.Size),
        owner ? new XElement(Ns + "Owner", new XElement(Ns + "ID", "sandbox-owner"), new XElement(Ns + "DisplayName", "sandbox")) : null,
        new XElement(Ns + "StorageClass", "STANDARD"));

    private HttpResponseMessage ListObjectsV2(Target target)
    {
        var bucket = _s3.GetBucket(target.Bucket!);
        var q = target.Query;
        var prefix = q.GetValueOrDefault("prefix") ?? string.Empty;
        var delimiter = q.GetValueOrDefault("delimiter");
        var urlEncode = q.GetValueOrDefault("encoding-type") == "url";
        string? after = q.GetValueOrDefault("start-after");
        if (q.TryGetValue("continuation-token", out var token))
        {
            try
            {
                after = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            }
            catch (FormatException)
            {
                throw S3Exception.InvalidArgument("The continuation token provided is incorrect");
            }
        }

        var page = Page(bucket, prefix, delimiter, after, MaxKeys(q));
        string E(string s) => urlEncode ? Uri.EscapeDataString(s) : s;
        var root = new XElement(Ns + "ListBucketResult",
            new XElement(Ns + "Name", bucket.Name),
            new XElement(Ns + "Prefix", E(prefix)),
            delimiter is null ? null : new XElement(Ns + "Delimiter", E(delimiter)),
            new XElement(Ns + "MaxKeys", page.MaxKeys),
            urlEncode ? new XElement(Ns + "EncodingType", "url") : null,
            new XElement(Ns + "KeyCount", page.Contents.Count + page.Prefixes.Count),
            new XElement(Ns + "IsTruncated", page.Truncated ? "true" : "false"),
            token is null ? null : new XElement(Ns + "ContinuationToken", token),
            page.Truncated && page.Last is not null ? new XElement(Ns + "NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(page.Last))) : null,
            q.TryGetValue("start-after", out var sa) ? new XElement(Ns + "StartAfter", E(sa)) : null,
            page.Contents.Select(o => ContentsElement(o, E, owner: q.GetValueOrDefault("fetch-owner") == "true")),
            page.Prefixes.Select(p => new XElement(Ns + "CommonPrefixes", new XElement(Ns + "Prefix", E(p)))));
        return Xml(root);
    }

    private HttpResponseMessage ListObjects(Target target)
    {
        var bucket = _s3.GetBucket(target.Bucket!);
        var q = target.Query;
        var prefix = q.GetValueOrDefault("prefix") ?? string.Empty;
        var delimiter = q.GetValueOrDefault("delimiter");
        var marker = q.GetValueOrDefault("marker");
        var urlEncode = q.GetValueOrDefault("encoding-type") == "url";
        var page = Page(bucket, prefix, delimiter, string.IsNullOrEmpty(marker) ? null : marker, MaxKeys(q));
        string E(string s) => urlEncode ? Uri.EscapeDataString(s) : s;
        var root = new XElement(Ns + "ListBucketResult",
            new XElement(Ns + "Name", bucket.Name),
            new XElement(Ns + "Prefix", E(prefix)),
            new XElement(Ns + "Marker", E(marker ?? string.Empty)),
            page.Truncated && page.Last is not null ? new XElement(Ns + "NextMarker", E(page.Last)) : null,
            new XElement(Ns + "MaxKeys", page.MaxKeys),
            delimiter is null ? null : new XElement(Ns + "Delimiter", E(delimiter)),
            urlEncode ? new XElement(Ns + "EncodingType", "url") : null,
            new XElement(Ns + "IsTruncated", page.Truncated ? "true" : "false"),
            page.Contents.Select(o => ContentsElement(o, E, owner: true)),
            page.Prefixes.Select(p => new XElement(Ns + "CommonPrefixes", new XElement(Ns + "Prefix", E(p)))));
        return Xml(root);
    }

    private async Task<(HttpResponseMessage, long)> PutObjectAsync(HttpRequestMessage request, Target target, CancellationToken cancellationToken)
    {
        _s3.GetBucket(target.Bucket!);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var encodings = request.Content?.Headers.ContentEncoding ?? [];
        var sha = Header(request, "x-amz-content-sha256") ?? string.Empty;
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (encodings.Contains("aws-chunked", StringComparer.OrdinalIgnoreCase) || sha.StartsWith("STREAMING-", StringComparison.Ordinal))
        {
            (body, trailers) = AwsChunkedDecoder.Decode(body);
            if (Header(request, "x-amz-decoded-content-length") is { } declared
                && long.TryParse(declared, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length != body.Length)
            {
                throw new S3Exception("IncompleteBody", $"You did not provide the number of bytes specified by the x-amz-decoded-content-length HTTP header ({declared}; received {body.Length}).", HttpStatusCode.BadRequest);
            }
        }

        var md5 = request.Content?.Headers.ContentMD5;
        if (md5 is not null && !md5.AsSpan().SequenceEqual(MD5.HashData(body)))
        {
            throw new S3Exception("BadDigest", "The Content-MD5 you specified did not match what we received.", HttpStatusCode.BadRequest);
        }

        (string Algorithm, string Value)? checksum = null;
        foreach (var algorithm in S3Checksums.Algorithms)
        {
            var name = "x-amz-checksum-" + algorithm.ToLowerInvariant();
            var sent = Header(request, name) ?? trailers.GetValueOrDefault(name);
            if (sent is null)
            {
                continue;
            }

            var actual = S3Checksums.Compute(algorithm, body);
            if (actual != sent)
            {
                throw new S3Exception("BadDigest", $"The {algorithm} you specified did not match the calculated checksum.", HttpStatusCode.BadRequest);
            }

            checksum = (algorithm, actual);
        }

        var metadata = Metadata(request);
        var stored = _s3.PutObject(target.Bucket!, target.Key!, body, request.Content?.Headers.ContentType?.ToString(), metadata, checksum);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("ETag", stored.ETag);
        if (checksum is { } c)
        {
            response.Headers.TryAddWithoutValidation("x-amz-checksum-" + c.Algorithm.ToLowerInvariant(), c.Value);
            response.Headers.TryAddWithoutValidation("x-amz-checksum-type", "FULL_OBJECT");
        }

        return (response, body.Length);
    }

    private (HttpResponseMessage, long) CopyObject(HttpRequestMessage request, Target target)
    {
        var source = Uri.UnescapeDataString((Header(request, "x-amz-copy-source") ?? string.Empty).Split('?')[0]).TrimStart('/');
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == source.Length - 1)
        {
            throw S3Exception.InvalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }

        var replace = string.Equals(Header(request, "x-amz-metadata-directive"), "REPLACE", StringComparison.OrdinalIgnoreCase);
        var copied = _s3.CopyObject(source[..slash], source[(slash + 1)..], target.Bucket!, target.Key!,
            replace ? request.Content?.Headers.ContentType?.ToString() : null,
            replace ? Metadata(request) : null);
        var response = Xml(new XElement(Ns + "CopyObjectResult",
            new XElement(Ns + "LastModified", Iso(copied.LastModified)),
            new XElement(Ns + "ETag", copied.ETag)));
        return (response, copied.Size);
    }

    private async Task<HttpResponseMessage> DeleteObjectsAsync(HttpRequestMessage request, string bucket, CancellationToken cancellationToken)
    {
        _s3.GetBucket(bucket);
        var text = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        XElement root;
        try
        {
            root = XElement.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            throw new S3Exception("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", HttpStatusCode.BadRequest);
        }

        var keys = root.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(o => o.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value ?? string.Empty).ToList();
        if (keys.Count is 0 or > 1000)
        {
            throw new S3Exception("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema (1 to 1,000 objects per DeleteObjects request).", HttpStatusCode.BadRequest);
        }

        var quiet = root.Elements().Any(e => e.Name.LocalName == "Quiet" && e.Value == "true");
        foreach (var key in keys)
        {
            _s3.DeleteObject(bucket, key);
        }

        return Xml(new XElement(Ns + "DeleteResult", quiet ? null : keys.Select(k => new XElement(Ns + "Deleted", new XElement(Ns + "Key", k)))));
    }

    private static Dictionary<string, string> Metadata(HttpRequestMessage request) =>
        request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal);

    private (HttpResponseMessage, long) GetObject(HttpRequestMessage request, Target target, bool head)
    {
        var item = _s3.GetObject(target.Bucket!, target.Key!);
        var content = item.RawContent;
        var status = HttpStatusCode.OK;
        string? contentRange = null;
        if (request.Headers.Range is { Ranges.Count: 1 } range && range.Unit == "bytes")
        {
            var r = range.Ranges.First();
            long from, to;
            if (r.From is null)
            {
                from = Math.Max(0, content.Length - (r.To ?? 0));
                to = content.Length - 1;
            }
            else
            {
                from = r.From.Value;
                to = Math.Min(r.To ?? content.Length - 1, content.Length - 1);
            }

            if (from >= content.Length || from > to)
            {
                throw new S3Exception("InvalidRange", "The requested range is not satisfiable", HttpStatusCode.RequestedRangeNotSatisfiable);
            }

            contentRange = $"bytes {from}-{to}/{content.Length}";
            content = content[(int)from..(int)(to + 1)];
            status = HttpStatusCode.PartialContent;
        }

        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(head ? [] : content) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(item.ContentType, out var type) ? type : null;
        response.Content.Headers.ContentLength = content.Length;
        response.Content.Headers.LastModified = item.LastModified;
        if (contentRange is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        response.Headers.TryAddWithoutValidation("ETag", item.ETag);
        response.Headers.TryAddWithoutValidation("Accept-Ranges", "bytes");
        foreach (var (name, value) in item.Metadata)
        {
            response.Headers.TryAddWithoutValidation("x-amz-meta-" + name, value);
        }

        if (item.Checksum is { } c && contentRange is null
            && string.Equals(Header(request, "x-amz-checksum-mode"), "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.TryAddWithoutValidation("x-amz-checksum-" + c.Algorithm.ToLowerInvariant(), c.Value);
            response.Headers.TryAddWithoutValidation("x-amz-checksum-type", "FULL_OBJECT");
        }

        return (response, content.Length);
    }

    private async Task<HttpResponseMessage> PutNotificationAsync(HttpRequestMessage request, string bucket, CancellationToken cancellationToken)
    {
        _s3.GetBucket(bucket);
        var text = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        XElement root;
        try
        {
            root = XElement.Parse(text.Length == 0 ? "<NotificationConfiguration/>" : text);
        }
        catch (System.Xml.XmlException e)
        {
            throw new S3Exception("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema: " + e.Message, HttpStatusCode.BadRequest);
        }

        var rules = new List<S3NotificationRule>();
        foreach (var (element, targetName) in new[] { ("CloudFunctionConfiguration", "CloudFunction"), ("LambdaFunctionConfiguration", "CloudFunction"), ("QueueConfiguration", "Queue"), ("TopicConfiguration", "Topic") })
        {
            foreach (var config in root.Elements().Where(e => e.Name.LocalName == element))
            {
                string? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value;
                var filters = config.Descendants().Where(e => e.Name.LocalName == "FilterRule")
                    .ToDictionary(e => (Child(e, "Name") ?? string.Empty).ToLowerInvariant(), e => Child(e, "Value") ?? string.Empty);
                rules.Add(new S3NotificationRule(
                    Child(config, "Id") ?? string.Empty,
                    Child(config, targetName) ?? Child(config, "LambdaFunctionArn") ?? string.Empty,
                    config.Elements().Where(e => e.Name.LocalName == "Event").Select(e => e.Value).ToList(),
                    filters.GetValueOrDefault("prefix"),
                    filters.GetValueOrDefault("suffix")));
            }
        }

        _s3.PutBucketNotificationConfiguration(bucket, rules);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
    }

    private HttpResponseMessage GetNotification(string bucket)
    {
        var rules = _s3.GetBucket(bucket).NotificationConfiguration;
        return Xml(new XElement(Ns + "NotificationConfiguration", rules.Select(r =>
        {
            var (element, target) = r.TargetKind switch
            {
                "sqs" => ("QueueConfiguration", "Queue"),
                "sns" => ("TopicConfiguration", "Topic"),
                _ => ("CloudFunctionConfiguration", "CloudFunction"),
            };
            var filter = new[] { ("prefix", r.Prefix), ("suffix", r.Suffix) }.Where(f => f.Item2 is not null)
                .Select(f => new XElement(Ns + "FilterRule", new XElement(Ns + "Name", f.Item1), new XElement(Ns + "Value", f.Item2))).ToList();
            return new XElement(Ns + element,
                new XElement(Ns + "Id", r.Id),
                filter.Count == 0 ? null : new XElement(Ns + "Filter", new XElement(Ns + "S3Key", filter)),
                new XElement(Ns + target, r.TargetArn),
                r.Events.Select(e => new XElement(Ns + "Event", e)));
        })));
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
