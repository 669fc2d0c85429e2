using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Course.Sandbox.Services.Sns;

/// <summary>
/// An SNS notification: the fields AWS puts in the envelope an SQS subscriber receives as its body and a Lambda
/// subscriber receives under <c>Records[].Sns</c>.
/// </summary>
/// <param name="MessageId">The message id (a GUID from the seeded random).</param>
/// <param name="TopicArn">The topic.</param>
/// <param name="Subject">The subject, or null.</param>
/// <param name="Message">The message.</param>
/// <param name="Timestamp">When it was published (virtual time).</param>
/// <param name="Signature">A deterministic stand-in for AWS's signature (base64); the sandbox does not sign.</param>
/// <param name="SigningCertUrl">Where AWS would publish its signing certificate.</param>
/// <param name="UnsubscribeUrl">The unsubscribe link (the subscription is appended per delivery).</param>
/// <param name="MessageAttributes">The message attributes.</param>
public sealed record SnsEnvelope(
    string MessageId,
    string TopicArn,
    string? Subject,
    string Message,
    DateTimeOffset Timestamp,
    string Signature,
    string SigningCertUrl,
    string UnsubscribeUrl,
    IReadOnlyDictionary<string, SnsMessageAttribute> MessageAttributes)
{
    /// <summary>Always <c>Notification</c>.</summary>
    public string Type => "Notification";

    /// <summary>Always <c>1</c>.</summary>
    public string SignatureVersion => "1";

    /// <summary>The timestamp as AWS writes it, e.g. <c>2026-01-01T00:00:00.000Z</c>.</summary>
    public string TimestampText => Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The body an SQS subscriber receives without raw delivery (note AWS's <c>SigningCertURL</c> and
    /// <c>UnsubscribeURL</c> spelling in this form).</summary>
    /// <param name="subscriptionArn">The subscription, for the unsubscribe link.</param>
    /// <returns>The JSON.</returns>
    public string ToSqsBodyJson(string subscriptionArn) => Write(w => WriteFields(w, subscriptionArn, "SigningCertURL", "UnsubscribeURL"));

    /// <summary>The event a Lambda subscriber receives: <c>{"Records":[{"EventVersion":"1.0","EventSubscriptionArn":…,
    /// "EventSource":"aws:sns","Sns":{…}}]}</c>.</summary>
    /// <param name="subscriptionArn">The subscription.</param>
    /// <returns>The JSON.</returns>
    public string ToLambdaEventJson(string subscriptionArn) => Write(w =>
    {
        w.WriteStartArray("Records");
        w.WriteStartObject();
        w.WriteString("EventVersion", "1.0");
        w.WriteString("EventSubscriptionArn", subscriptionArn);
        w.WriteString("EventSource", "aws:sns");
        w.WriteStartObject("Sns");
        WriteFields(w, subscriptionArn, "SigningCertUrl", "UnsubscribeUrl");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    });

    private void WriteFields(Utf8JsonWriter w, string subscriptionArn, string certName, string unsubscribeName)
    {
        w.WriteString("Type", Type);
        w.WriteString("MessageId", MessageId);
        w.WriteString("TopicArn", TopicArn);
        if (Subject is null)
        {
            w.WriteNull("Subject");
        }
        else
        {
            w.WriteString("Subject", Subject);
        }

        w.WriteString("Message", Message);
        w.WriteString("Timestamp", TimestampText);
        w.WriteString("SignatureVersion", SignatureVersion);
        w.WriteString("Signature", Signature);
        w.WriteString(certName, SigningCertUrl);
        w.WriteString(unsubscribeName, UnsubscribeUrl + subscriptionArn);
        w.WriteStartObject("MessageAttributes");
        foreach (var (name, attribute) in MessageAttributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(name);
            w.WriteString("Type", attribute.DataType);
            w.WriteString("Value", attribute.EnvelopeValue);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body) => JsonObjectText.Write(body);
}
