using System.Net;
using System.Text;

namespace Course.Sandbox.Services.Wire;

/// <summary>
/// The in-process HTTP handler: finds the request's service and lets its <see cref="IWireService"/> answer.
/// Never touches the network.
/// </summary>
internal sealed class SandboxHttpMessageHandler(Func<SandboxHttpClientFactory?> factory) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = factory() ?? throw new InvalidOperationException(
            $"An AWS SDK client sent {request.Method} {request.RequestUri} outside a sandbox simulation: no SandboxHttpClientFactory is active. " +
            "Run the code inside the simulation (or call SandboxHttpClientFactory.Activate()), or give the client its own HttpClientFactory.");
        // The one endpoint (Services/Endpoint): deadline, the queue catching up, then the service, then the latency.
        var admission = await Endpoint.ServiceEndpoint.AdmitAsync().ConfigureAwait(false);
        if (admission == Endpoint.CallAdmission.PastDeadline && Hosting.InvocationScope.Current is { } scope)
        {
            // The invocation already ran past its timeout: on AWS it was frozen, so this call never happens.
            return new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent(
                    $"{{\"__type\":\"SandboxInvocationTimedOut\",\"message\":\"The invocation passed its {scope.Limit.TotalSeconds:0} s timeout before this call; on AWS it would never have been made.\"}}",
                    Encoding.UTF8, "application/x-amz-json-1.0"),
                RequestMessage = request,
            };
        }
        var serviceId = ServiceIdOf(request);
        if (target.Find(serviceId) is { } service)
        {
            // IAM (issue 11): a function with an attached role is authorised per call; denied calls never reach the service.
            if (target.WireAuthorizer is { } authorizer && Hosting.InvocationScope.Current is { } caller
                && await authorizer.CheckAsync(caller.FunctionName, serviceId, request, cancellationToken).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }
            var before = Endpoint.ServiceEndpoint.CallsSoFar();
            var response = await service.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            await Endpoint.ServiceEndpoint.SettleSinceAsync(before).ConfigureAwait(false);
            return response;
        }

        return new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(
                $"The sandbox has no service answering '{serviceId}' ({request.RequestUri}); available: {string.Join(", ", target.ServiceIds)}.",
                Encoding.UTF8, "text/plain"),
            RequestMessage = request,
        };
    }

    /// <summary>The service a request is for: the SigV4 credential scope's service, else X-Amz-Target, else the host.</summary>
    internal static string ServiceIdOf(HttpRequestMessage request)
    {
        if (request.Headers.Authorization?.Parameter is { } auth)
        {
            var credential = auth.IndexOf("Credential=", StringComparison.Ordinal);
            if (credential >= 0)
            {
                // Credential=AKID/20260101/us-east-1/dynamodb/aws4_request
                var scope = auth[(credential + "Credential=".Length)..].Split(',')[0].Split('/');
                if (scope.Length >= 5)
                {
                    return scope[3].ToLowerInvariant();
                }
            }
        }

        if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.FirstOrDefault() is { } target)
        {
            if (target.StartsWith("DynamoDBStreams_", StringComparison.Ordinal))
            {
                return "dynamodbstreams";
            }

            if (target.StartsWith("DynamoDB_", StringComparison.Ordinal))
            {
                return "dynamodb";
            }

            if (target.StartsWith("AmazonSQS", StringComparison.Ordinal))
            {
                return "sqs";
            }
        }

        var labels = (request.RequestUri?.Host ?? string.Empty).ToLowerInvariant().Split('.');
        foreach (var label in labels)
        {
            if (label is "dynamodb" or "sqs")
            {
                return label;
            }

            if (label == "s3" || label.StartsWith("s3-", StringComparison.Ordinal))
            {
                return "s3";
            }
        }

        return labels.FirstOrDefault() ?? string.Empty;
    }
}
