using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.DynamoDb;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.StepFunctions.Executions;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Integrations;

/// <summary>
/// The optimized integrations (<c>arn:aws:states:::service:action</c>) against the simulation's services: Lambda
/// invoke, DynamoDB getItem/putItem/updateItem/deleteItem, SQS sendMessage, SNS publish, EventBridge putEvents,
/// Bedrock invokeModel and Step Functions startExecution(.sync). A service error becomes <c>Service.ErrorCode</c>.
/// </summary>
internal static class ServiceIntegrations
{
    /// <summary>Calls the integration with the task's parameters; returns its response (the task's result).</summary>
    public static async Task<JsonNode?> InvokeAsync(Simulation sim, StepFunctionsService service, TaskResource resource, JsonNode? parameters)
    {
        var p = parameters as JsonObject ?? new JsonObject();
        switch (resource.Service, resource.Action)
        {
            case ("lambda", "invoke"):
                var function = Text(p, "FunctionName", "lambda:invoke");
                var payload = p.TryGetPropertyValue("Payload", out var pl) ? JsonValues.Text(pl) : "{}";
                var result = await LambdaIntegration.InvokeAsync(sim, function, payload);
                return LambdaIntegration.Wrap(sim, result);
            case ("dynamodb", _):
                return Guard("DynamoDB", sim, () =>
                {
                    var op = char.ToUpperInvariant(resource.Action[0]) + resource.Action[1..];
                    return WithMetadata(sim, sim.Services.DynamoDb.Invoke(op, JsonDocument.Parse(JsonValues.Text(p)).RootElement));
                });
            case ("sqs", "sendMessage"):
                return Guard("SQS", sim, () =>
                {
                    var queue = sim.Services.Sqs.GetQueue(Text(p, "QueueUrl", "sqs:sendMessage"));
                    var body = p["MessageBody"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : JsonValues.Text(p["MessageBody"]);
                    var sent = queue.Send(new SqsSendRequest
                    {
                        Body = body,
                        DelaySeconds = (int?)JsonValues.AsNumber(p["DelaySeconds"]),
                        MessageGroupId = JsonValues.AsString(p["MessageGroupId"]),
                        MessageDeduplicationId = JsonValues.AsString(p["MessageDeduplicationId"]),
                    });
                    var o = new JsonObject { ["MD5OfMessageBody"] = sent.MD5OfMessageBody, ["MessageId"] = sent.MessageId };
                    if (sent.SequenceNumber is not null)
                    {
                        o["SequenceNumber"] = sent.SequenceNumber;
                    }
                    return WithMetadata(sim, o);
                });
            case ("sns", "publish"):
                return Guard("SNS", sim, () =>
                {
                    var message = p["Message"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : JsonValues.Text(p["Message"]);
                    var sent = sim.Services.Sns.Publish(Text(p, "TopicArn", "sns:publish"), message, JsonValues.AsString(p["Subject"]));
                    return WithMetadata(sim, new JsonObject { ["MessageId"] = sent.MessageId });
                });
            case ("events", "putEvents"):
                return Guard("EventBridge", sim, () =>
                {
                    var entries = (p["Entries"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new PutEventsEntry
                    {
                        Source = JsonValues.AsString(e["Source"]),
                        DetailType = JsonValues.AsString(e["DetailType"]),
                        Detail = e["Detail"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : JsonValues.Text(e["Detail"]),
                        EventBusName = JsonValues.AsString(e["EventBusName"]),
                    }).ToList();
                    var put = sim.Services.EventBridge.PutEvents(entries);
                    var list = new JsonArray();
                    foreach (var e in put.Entries)
                    {
                        list.Add(e.EventId is not null ? new JsonObject { ["EventId"] = e.EventId } : new JsonObject { ["ErrorCode"] = e.ErrorCode, ["ErrorMessage"] = e.ErrorMessage });
                    }
                    return new JsonObject { ["Entries"] = list, ["FailedEntryCount"] = put.FailedEntryCount };
                });
            case ("bedrock", "invokeModel"):
                return Guard("Bedrock", sim, () =>
                {
                    var body = p["Body"] is JsonValue b && b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : JsonValues.Text(p["Body"]);
                    var completion = sim.Services.Bedrock.InvokeModel(Text(p, "ModelId", "bedrock:invokeModel"), body);
                    return new JsonObject { ["Body"] = JsonValues.Parse(BedrockService.ToAnthropicJson(completion)), ["ContentType"] = "application/json" };
                });
            case ("states", "startExecution"):
                return await StartExecutionAsync(service, resource, p);
        }
        throw new StatesException(StatesErrors.Runtime, $"The resource '{resource.Arn}' is not supported by the simulator.");
    }

    private static async Task<JsonNode?> StartExecutionAsync(StepFunctionsService service, TaskResource resource, JsonObject p)
    {
        var input = p["Input"] is JsonValue iv && iv.GetValueKind() == JsonValueKind.String ? iv.GetValue<string>() : JsonValues.Text(p["Input"] ?? new JsonObject());
        Execution child;
        try
        {
            child = service.StartExecution(Text(p, "StateMachineArn", "states:startExecution"), input, JsonValues.AsString(p["Name"]));
        }
        catch (StepFunctionsException e)
        {
            throw new StatesException($"StepFunctions.{e.ErrorCode}", e.Message);
        }
        if (!resource.Sync)
        {
            return new JsonObject { ["ExecutionArn"] = child.Arn, ["StartDate"] = Timestamps.Format(child.StartDate) };
        }
        await child.Completion;
        var described = service.Describe(child, parseOutput: resource.Arn.EndsWith(":2", StringComparison.Ordinal));
        if (child.Status != ExecutionStatus.Succeeded)
        {
            throw new StatesException(child.Status == ExecutionStatus.TimedOut ? StatesErrors.Timeout : StatesErrors.TaskFailed, JsonValues.Text(described));
        }
        return described;
    }

    private static JsonNode Guard(string prefix, Simulation sim, Func<JsonNode> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is DynamoDbException or SqsException or SnsException or EventBridgeException or BedrockException)
        {
            var code = e switch
            {
                DynamoDbException d => d.ErrorCode,
                SqsException q => q.ErrorCode,
                SnsException n => n.ErrorCode,
                BedrockException b => b.ErrorCode,
                _ => e.GetType().Name,
            };
            throw new StatesException($"{prefix}.{code}", $"{e.Message} (Service: {prefix}, Status Code: 400, Request ID: {sim.NewRequestId()})");
        }
    }

    private static JsonObject WithMetadata(Simulation sim, JsonObject response)
    {
        var requestId = sim.NewRequestId();
        response["SdkHttpMetadata"] = new JsonObject
        {
            ["AllHttpHeaders"] = new JsonObject { ["Content-Type"] = new JsonArray("application/x-amz-json-1.0"), ["x-amzn-RequestId"] = new JsonArray(requestId) },
            ["HttpHeaders"] = new JsonObject { ["Content-Type"] = "application/x-amz-json-1.0", ["x-amzn-RequestId"] = requestId },
            ["HttpStatusCode"] = 200,
        };
        response["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
        return response;
    }

    private static string Text(JsonObject p, string field, string integration) =>
        JsonValues.AsString(p[field])
        ?? throw new StatesException(StatesErrors.Runtime, $"The field '{field}' is required by {integration} but was missing from the task's Parameters.");
}
