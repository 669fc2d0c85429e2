using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services.S3;

public sealed partial class S3WireService
{
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
}
