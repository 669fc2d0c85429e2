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
        var after = q.GetValueOrDefault("start-after");
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
}
