namespace Course.Sandbox.StepFunctions.Integrations;

/// <summary>
/// A Task state's <c>Resource</c>, parsed: a Lambda function ARN (the result is the function's output), or a service
/// integration <c>arn:aws:states:::service:action[.sync|.sync:2|.waitForTaskToken]</c>.
/// </summary>
internal sealed record TaskResource
{
    /// <summary>The integrations the simulator runs, as <c>service:action</c>.</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "lambda:invoke", "dynamodb:getItem", "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem",
        "sqs:sendMessage", "sns:publish", "events:putEvents", "bedrock:invokeModel", "states:startExecution",
    };

    /// <summary>The ARN as written.</summary>
    public required string Arn { get; init; }

    /// <summary>For a Lambda function ARN, the function's name; otherwise null.</summary>
    public string? FunctionName { get; init; }

    /// <summary>The service (<c>lambda</c>, <c>dynamodb</c>, …): the history's resourceType.</summary>
    public required string Service { get; init; }

    /// <summary>The action (<c>invoke</c>, <c>getItem</c>, …): the history's resource.</summary>
    public required string Action { get; init; }

    /// <summary>Run a job to completion (<c>.sync</c>, <c>.sync:2</c>).</summary>
    public bool Sync { get; init; }

    /// <summary>Pause until SendTaskSuccess/Failure with the task token (<c>.waitForTaskToken</c>).</summary>
    public bool WaitForTaskToken { get; init; }

    /// <summary>True for a bare Lambda function ARN.</summary>
    public bool IsLambdaFunction => FunctionName is not null;

    /// <summary>Parses a Resource; null when it is not an ARN the simulator knows.</summary>
    public static TaskResource? Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function" && parts[6].Length > 0)
        {
            return new TaskResource { Arn = arn, FunctionName = parts[6], Service = "lambda", Action = "invoke" };
        }
        if (parts.Length < 6 || parts[0] != "arn" || parts[2] != "states" || parts[3].Length != 0 || parts[4].Length != 0)
        {
            return null;
        }
        var service = parts[5];
        var rest = string.Join(':', parts.Skip(6));
        var sync = false;
        var token = false;
        if (rest.EndsWith(".waitForTaskToken", StringComparison.Ordinal)) { token = true; rest = rest[..^".waitForTaskToken".Length]; }
        else if (rest.EndsWith(".sync:2", StringComparison.Ordinal)) { sync = true; rest = rest[..^".sync:2".Length]; }
        else if (rest.EndsWith(".sync", StringComparison.Ordinal)) { sync = true; rest = rest[..^".sync".Length]; }
        if (!Supported.Contains($"{service}:{rest}"))
        {
            return null;
        }
        if (sync && service != "states")
        {
            return null;
        }
        return new TaskResource { Arn = arn, Service = service, Action = rest, Sync = sync, WaitForTaskToken = token };
    }
}
