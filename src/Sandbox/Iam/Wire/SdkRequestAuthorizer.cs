using System.Net;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;

namespace Course.Sandbox.Iam.Wire;

/// <summary>
/// Maps an SDK request to the IAM action(s) and resource ARN(s) AWS's Service Authorization Reference names for it
/// (DynamoDB: <c>dynamodb:&lt;Operation&gt;</c> on <c>table/&lt;name&gt;</c>, batch and transaction items per table;
/// SQS: <c>sqs:&lt;Operation&gt;</c> on the queue ARN, batch operations as their single action; S3: GetObject /
/// PutObject / DeleteObject on <c>bucket/key</c>, ListBucket on the bucket, …), asks the <see cref="RoleRegistry"/>
/// and, when denied, answers as the service does: DynamoDB 400 <c>AccessDeniedException</c> naming principal, action
/// and resource; SQS 400 <c>AccessDenied</c> "Access to the resource https://sqs.&lt;region&gt;.amazonaws.com/ is denied."
/// (the wording AWS's SQS troubleshooting page shows); S3 403 <c>AccessDenied</c> XML with the resource in quotes.
/// </summary>
internal sealed class SdkRequestAuthorizer(RoleRegistry registry) : IWireAuthorizer
{
    public RoleRegistry Registry => registry;

    public async Task<HttpResponseMessage?> CheckAsync(string functionName, string serviceId, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (registry.RoleOf(functionName) is null)
        {
            return null;
        }
        var checks = await MapAsync(serviceId, request, cancellationToken).ConfigureAwait(false);
        foreach (var (action, resource) in checks)
        {
            if (registry.Authorize(functionName, action, resource) is { } denied)
            {
                var operation = Operation(request) is { Length: > 0 } named ? named : action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
                registry.Endpoint.RecordDenied(serviceId, operation, serviceId == "dynamodb" ? "AccessDeniedException" : "AccessDenied");
                return Denied(serviceId, denied, request, registry.Region);
            }
        }
        return null;
    }

    /// <summary>The (action, resource ARN) pairs a request needs; empty for requests the sandbox does not map.</summary>
    internal async Task<List<(string Action, string Resource)>> MapAsync(string serviceId, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var region = registry.Region;
        var account = registry.AccountId;
        switch (serviceId)
        {
            case "dynamodb":
            {
                var op = Operation(request);
                var body = await JsonBodyAsync(request, cancellationToken).ConfigureAwait(false);
                string Table(string name) => $"arn:aws:dynamodb:{region}:{account}:table/{name}";
                switch (op)
                {
                    case "BatchWriteItem":
                    case "BatchGetItem":
                        return [.. ((body?["RequestItems"] as JsonObject) ?? []).Select(t => ("dynamodb:" + op, Table(t.Key)))];
                    case "TransactWriteItems":
                    case "TransactGetItems":
                        return [.. ((body?["TransactItems"] as JsonArray) ?? []).OfType<JsonObject>().SelectMany(i => i)
                            .Select(kv => ("dynamodb:" + (kv.Key == "Get" ? "GetItem" : kv.Key == "Update" ? "UpdateItem" : kv.Key == "Delete" ? "DeleteItem" : kv.Key == "ConditionCheck" ? "ConditionCheckItem" : "PutItem"),
                                Table((string?)kv.Value?["TableName"] ?? "")))];
                    case "ListTables":
                        return [("dynamodb:ListTables", "*")];
                    default:
                        var table = (string?)body?["TableName"] ?? "";
                        var index = (string?)body?["IndexName"];
                        return [("dynamodb:" + op, index is null ? Table(table) : Table(table) + "/index/" + index)];
                }
            }
            case "sqs":
            {
                var op = Operation(request);
                var body = await JsonBodyAsync(request, cancellationToken).ConfigureAwait(false);
                var action = op switch
                {
                    "SendMessageBatch" => "SendMessage",
                    "DeleteMessageBatch" => "DeleteMessage",
                    "ChangeMessageVisibilityBatch" => "ChangeMessageVisibility",
                    _ => op,
                };
                var queue = (string?)body?["QueueUrl"] is { } url ? url.TrimEnd('/').Split('/')[^1] : (string?)body?["QueueName"];
                return [("sqs:" + action, queue is null ? "*" : $"arn:aws:sqs:{region}:{account}:{queue}")];
            }
            case "s3":
            {
                var (action, resource) = S3(request);
                if (action == "s3:DeleteObject" && resource.EndsWith("/*", StringComparison.Ordinal) && request.Content is not null)
                {
                    // DeleteObjects (POST ?delete) needs s3:DeleteObject on each key it names.
                    await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                    var xml = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    var keys = System.Text.RegularExpressions.Regex.Matches(xml, "<Key>(.*?)</Key>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
                    if (keys.Count > 0)
                        {
                            return [.. keys.Select(k => (action, resource[..^1] + k))];
                        }
                    }
                if (request.Method == HttpMethod.Put && request.Headers.TryGetValues("x-amz-copy-source", out var copy) && copy.FirstOrDefault() is { } source)
                {
                    // CopyObject needs s3:GetObject on the source and s3:PutObject on the target.
                    var from = Uri.UnescapeDataString(source.TrimStart('/').Split('?')[0]);
                    return [("s3:GetObject", $"arn:aws:s3:::{from}"), (action, resource)];
                }
                return [(action, resource)];
            }
            default:
                return [];
        }
    }

    private static (string, string) S3(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var path = uri.AbsolutePath.TrimStart('/');
        var host = uri.Host;
        var label = host.IndexOf(".s3.", StringComparison.OrdinalIgnoreCase);
        string bucket, key;
        if (label > 0)
        {
            bucket = host[..label];
            key = path;
        }
        else
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            bucket = Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
            key = slash < 0 ? "" : path[(slash + 1)..];
        }
        key = Uri.UnescapeDataString(key);
        var query = uri.Query;
        var method = request.Method.Method;
        if (bucket.Length == 0)
        {
            return ("s3:ListAllMyBuckets", "*");
        }
        if (key.Length == 0)
        {
            var bucketArn = $"arn:aws:s3:::{bucket}";
            return method switch
            {
                "PUT" when query.Contains("notification", StringComparison.Ordinal) => ("s3:PutBucketNotification", bucketArn),
                "GET" when query.Contains("notification", StringComparison.Ordinal) => ("s3:GetBucketNotification", bucketArn),
                "GET" when query.Contains("location", StringComparison.Ordinal) => ("s3:GetBucketLocation", bucketArn),
                "POST" when query.Contains("delete", StringComparison.Ordinal) => ("s3:DeleteObject", bucketArn + "/*"),
                "PUT" => ("s3:CreateBucket", bucketArn),
                "DELETE" => ("s3:DeleteBucket", bucketArn),
                _ => ("s3:ListBucket", bucketArn),
            };
        }
        var objectArn = $"arn:aws:s3:::{bucket}/{key}";
        return method switch
        {
            "GET" or "HEAD" => ("s3:GetObject", objectArn),
            "PUT" or "POST" => ("s3:PutObject", objectArn),
            "DELETE" => ("s3:DeleteObject", objectArn),
            _ => ("s3:GetObject", objectArn),
        };
    }

    private static string Operation(HttpRequestMessage request) =>
        request.Headers.TryGetValues("X-Amz-Target", out var t) && t.FirstOrDefault() is { } target ? target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..] : "";

    private static async Task<JsonNode?> JsonBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return null;
        }
        await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static HttpResponseMessage Denied(string serviceId, AccessDeniedException denied, HttpRequestMessage request, string region)
    {
        if (serviceId == "s3")
        {
            var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>{SecurityElement.Escape(denied.S3Message)}</Message><RequestId>0000000000000000</RequestId></Error>";
            return new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(xml, Encoding.UTF8, "application/xml"), RequestMessage = request };
        }
        // SQS answers without naming the principal or action (AWS's SQS troubleshooting page shows
        // "Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied."); DynamoDB names them.
        var message = serviceId == "sqs" ? $"Access to the resource https://sqs.{region}.amazonaws.com/ is denied." : denied.Message;
        var json = new JsonObject { ["__type"] = "com.amazon.coral.service#AccessDeniedException", ["message"] = message }.ToJsonString();
        var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.0"), RequestMessage = request };
        if (serviceId == "sqs")
        {
            response.Headers.TryAddWithoutValidation("x-amzn-query-error", "AccessDenied;Sender");
        }
        return response;
    }
}
