using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Course.Sandbox.Services.S3;

/// <summary>
/// One event S3 raised for one notification rule: enough to build the event record a target receives
/// (<see cref="ToEventJson"/> writes the <c>{"Records":[…]}</c> document Lambda gets, shaped like AWS's).
/// </summary>
/// <param name="Rule">The rule that selected the event (its id and target ARN).</param>
/// <param name="EventName">E.g. <c>ObjectCreated:Put</c> or <c>ObjectRemoved:Delete</c>.</param>
/// <param name="EventTime">When it happened (virtual time).</param>
/// <param name="Region">The bucket's region.</param>
/// <param name="BucketName">The bucket.</param>
/// <param name="Key">The object key (not encoded; the record carries it form-URL-encoded per path segment, as AWS does: a space becomes <c>+</c>).</param>
/// <param name="Size">The object size; null for removals.</param>
/// <param name="ETag">The hex MD5 without quotes; null for removals.</param>
/// <param name="Sequencer">Hex string that orders events for the same key (greater = later).</param>
/// <param name="RequestId">The id of the request that caused it.</param>
public sealed record S3Notification(
    S3NotificationRule Rule,
    string EventName,
    DateTimeOffset EventTime,
    string Region,
    string BucketName,
    string Key,
    long? Size,
    string? ETag,
    string Sequencer,
    string RequestId)
{
    /// <summary>The principal the sandbox puts in <c>userIdentity</c> and <c>ownerIdentity</c>.</summary>
    public const string PrincipalId = "AWS:AIDASANDBOXUSER0001";

    /// <summary>The event document a Lambda function receives: <c>{"Records":[ one record ]}</c>.</summary>
    /// <returns>The JSON.</returns>
    public string ToEventJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("Records");
            WriteRecord(w);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the single record object (field names and nesting as in AWS's S3 event, version 2.1).</summary>
    /// <param name="w">The writer, positioned where a value may start.</param>
    public void WriteRecord(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("eventVersion", "2.1");
        w.WriteString("eventSource", "aws:s3");
        w.WriteString("awsRegion", Region);
        w.WriteString("eventTime", EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("eventName", EventName);
        w.WriteStartObject("userIdentity");
        w.WriteString("principalId", PrincipalId);
        w.WriteEndObject();
        w.WriteStartObject("requestParameters");
        w.WriteString("sourceIPAddress", "127.0.0.1");
        w.WriteEndObject();
        w.WriteStartObject("responseElements");
        w.WriteString("x-amz-request-id", RequestId);
        w.WriteString("x-amz-id-2", RequestId + "/sandbox");
        w.WriteEndObject();
        w.WriteStartObject("s3");
        w.WriteString("s3SchemaVersion", "1.0");
        w.WriteString("configurationId", Rule.Id);
        w.WriteStartObject("bucket");
        w.WriteString("name", BucketName);
        w.WriteStartObject("ownerIdentity");
        w.WriteString("principalId", PrincipalId);
        w.WriteEndObject();
        w.WriteString("arn", "arn:aws:s3:::" + BucketName);
        w.WriteEndObject();
        w.WriteStartObject("object");
        w.WriteString("key", string.Join('/', Key.Split('/').Select(WebUtility.UrlEncode)));
        if (Size is { } size)
        {
            w.WriteNumber("size", size);
        }

        if (ETag is not null)
        {
            w.WriteString("eTag", ETag);
        }

        w.WriteString("sequencer", Sequencer);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
