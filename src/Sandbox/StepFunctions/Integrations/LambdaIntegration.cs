using System.Text.Json.Nodes;
using Course.Sandbox.Invocation;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Integrations;

/// <summary>
/// Runs the engine's deployed functions for Task states (catalogue row SFN_10): through <c>sim.Lambda.InvokeAsync</c>,
/// so cold starts, concurrency, throttling and billing are those of any invocation. A function error surfaces with
/// the handler's error type as Error and the error payload as Cause; a service error as <c>Lambda.&lt;code&gt;</c>.
/// </summary>
internal static class LambdaIntegration
{
    /// <summary>Invokes <paramref name="functionName"/> (name, ARN or partial ARN, with an optional qualifier) and returns the response, or throws the Task error.</summary>
    public static async Task<InvocationResult> InvokeAsync(Simulation sim, string functionName, string payload)
    {
        var name = NameOf(functionName);
        var result = await sim.Lambda.InvokeAsync(name, payload);
        if (result.FunctionError is not null)
        {
            throw new StatesException(result.ErrorType ?? "Unhandled", result.Payload);
        }
        if (result.StatusCode is < 200 or >= 300)
        {
            var arn = $"arn:aws:lambda:{sim.Options.Region}:{sim.Options.AccountId}:function:{name}";
            var message = result.ErrorType == "ResourceNotFoundException" ? $"Function not found: {arn}" : result.ErrorMessage;
            var code = result.ErrorType ?? "ServiceException";
            var error = result.StatusCode >= 500 && code is not ("TooManyRequestsException") ? "Lambda.ServiceException" : $"Lambda.{code}";
            throw new StatesException(error,
                $"{message} (Service: AWSLambda; Status Code: {result.StatusCode}; Error Code: {code}; Request ID: {result.RequestId}; Proxy: null)");
        }
        return result;
    }

    /// <summary>The response of <c>arn:aws:states:::lambda:invoke</c>: the Invoke API's response with the payload parsed.</summary>
    public static JsonObject Wrap(Simulation sim, InvocationResult result)
    {
        var payloadText = result.Payload ?? "null";
        var date = (result.End ?? sim.Now).UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject Headers() => new()
        {
            ["Connection"] = "keep-alive",
            ["Content-Length"] = System.Text.Encoding.UTF8.GetByteCount(payloadText).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Content-Type"] = "application/json",
            ["Date"] = date,
            ["X-Amz-Executed-Version"] = "$LATEST",
            ["x-amzn-Remapped-Content-Length"] = "0",
            ["x-amzn-RequestId"] = result.RequestId,
            ["X-Amzn-Trace-Id"] = $"Root=1-{sim.NewHexId(8)}-{sim.NewHexId(24)};Sampled=0",
        };
        var all = new JsonObject();
        foreach (var (k, v) in Headers())
        {
            all[k] = new JsonArray(v!.DeepClone());
        }
        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = ParsePayload(result.Payload),
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = all,
                ["HttpHeaders"] = Headers(),
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = result.RequestId },
            ["StatusCode"] = 200,
        };
    }

    /// <summary>The function's response as JSON (a non-JSON response is kept as a string).</summary>
    public static JsonNode? ParsePayload(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }
        var first = payload.TrimStart()[0];
        if (first is not ('{' or '[' or '"' or '-' or 't' or 'f' or 'n') && !char.IsAsciiDigit(first))
        {
            return JsonValue.Create(payload);
        }
        try
        {
            return JsonValues.Parse(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(payload);
        }
    }

    /// <summary>The function name in a name, ARN or partial ARN (<c>123456789012:function:Name</c>), without qualifier.</summary>
    public static string NameOf(string functionName)
    {
        var parts = functionName.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn")
        {
            return parts[6];
        }
        if (parts.Length >= 3 && parts[1] == "function")
        {
            return parts[2];
        }
        return parts[0];
    }
}
