using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Integrations;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// The Task state: input processing, the integration (a Lambda function, a service action, a callback with a task
/// token), TimeoutSeconds and HeartbeatSeconds on the virtual clock, and the history events of each kind.
/// </summary>
internal sealed partial class ExecutionRunner
{
    private async Task<(JsonNode? Output, JsonObject? Assigned)> TaskAttemptAsync(StateRun run)
    {
        var s = run.State;
        var resource = TaskResource.Parse(s.Resource!)
            ?? throw new StatesException(StatesErrors.Runtime, $"The resource '{s.Resource}' is not supported by the simulator.");
        var token = resource.WaitForTaskToken ? "AQ" + _sim.NewHexId(64) : null;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var parameters = s.HasParameters ? Io(run, () => DataFlow.ApplyTemplate(s.Parameters, Scope(run, effective, token), _intrinsics)) : effective;
        var timeout = Io(run, () => Seconds(effective, s.TimeoutSeconds, s.TimeoutSecondsPath, "TimeoutSecondsPath"));
        var heartbeat = Io(run, () => Seconds(effective, s.HeartbeatSeconds, s.HeartbeatSecondsPath, "HeartbeatSecondsPath"));
        var frame = run.Frame;

        if (resource.IsLambdaFunction)
        {
            var scheduled = new JsonObject { ["resource"] = resource.Arn, ["input"] = JsonValues.Text(parameters), ["inputDetails"] = Truncated() };
            if (timeout is int t0)
            {
                scheduled["timeoutInSeconds"] = t0;
            }
            Append(frame, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", scheduled);
            Append(frame, "LambdaFunctionStarted", null, null);
        }
        else
        {
            var scheduled = new JsonObject
            {
                ["resourceType"] = resource.Service,
                ["resource"] = ResourceName(resource),
                ["region"] = _sim.Options.Region,
                ["parameters"] = JsonValues.Text(parameters),
            };
            if (timeout is int t1)
            {
                scheduled["timeoutInSeconds"] = t1;
            }
            if (heartbeat is int h1)
            {
                scheduled["heartbeatInSeconds"] = h1;
            }
            Append(frame, "TaskScheduled", "taskScheduledEventDetails", scheduled);
            Append(frame, "TaskStarted", "taskStartedEventDetails", TaskDetails(resource));
        }

        JsonNode? result;
        try
        {
            var work = CallAsync(run, resource, parameters, token, heartbeat);
            result = timeout is int seconds ? await WithTimeoutAsync(work, TimeSpan.FromSeconds(seconds)) : await work;
            frame.ThrowIfAborted();
        }
        catch (StatesException e) when (!frame.Aborted)
        {
            var timedOut = e.Error is StatesErrors.Timeout or StatesErrors.HeartbeatTimeout;
            var details = resource.IsLambdaFunction ? new JsonObject() : TaskDetails(resource);
            if (e.Error is not null)
            {
                details["error"] = e.Error;
            }
            if (e.Cause is not null)
            {
                details["cause"] = e.Cause;
            }
            var type = resource.IsLambdaFunction ? (timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed") : (timedOut ? "TaskTimedOut" : "TaskFailed");
            Append(frame, type, $"{char.ToLowerInvariant(type[0])}{type[1..]}EventDetails", details);
            throw;
        }

        var output = JsonValues.Text(result);
        if (resource.IsLambdaFunction)
        {
            Append(frame, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", new JsonObject { ["output"] = output, ["outputDetails"] = Truncated() });
        }
        else
        {
            var details = TaskDetails(resource);
            details["output"] = output;
            details["outputDetails"] = Truncated();
            Append(frame, "TaskSucceeded", "taskSucceededEventDetails", details);
        }
        CheckSize(run, result);
        return ProcessResult(run, result);
    }

    private async Task<JsonNode?> CallAsync(StateRun run, TaskResource resource, JsonNode? parameters, string? token, int? heartbeat)
    {
        if (resource.IsLambdaFunction)
        {
            var r = await LambdaIntegration.InvokeAsync(_sim, resource.FunctionName!, JsonValues.Text(parameters));
            return LambdaIntegration.ParsePayload(r.Payload);
        }
        var waiter = token is null ? null : _service.RegisterToken(token, heartbeat, _execution);
        var response = await ServiceIntegrations.InvokeAsync(_sim, _service, resource, parameters);
        if (waiter is null)
        {
            return response;
        }
        Append(run.Frame, "TaskSubmitted", "taskSubmittedEventDetails", WithOutput(TaskDetails(resource), response));
        return await waiter.Completion;
    }

    private async Task<JsonNode?> WithTimeoutAsync(Task<JsonNode?> work, TimeSpan timeout)
    {
        var expired = new TaskCompletionSource();
        using var timer = _sim.Time.CreateTimer(_ => expired.TrySetResult(), null, timeout, Timeout.InfiniteTimeSpan);
        if (await Task.WhenAny(work, expired.Task) == work)
        {
            return await work;
        }
        _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);   // the late result is ignored
        throw new StatesException(StatesErrors.Timeout, null);
    }

    private static int? Seconds(JsonNode? effective, int? value, string? path, string field)
    {
        if (value is int v)
        {
            return v;
        }
        if (path is null)
        {
            return null;
        }
        var node = PathCache.Get(path).TryEvaluate(effective, out var found) ? found : null;
        var n = JsonValues.AsNumber(node);
        if (n is not decimal d || d < 1 || d != decimal.Truncate(d) || d > 99_999_999)
        {
            throw new StatesException(StatesErrors.Runtime, $"The {field} parameter does not reference a valid positive integer: {JsonValues.Text(node)}");
        }
        return (int)d;
    }

    private static string ResourceName(TaskResource r) =>
        r.Action + (r.Sync ? ".sync" : "") + (r.WaitForTaskToken ? ".waitForTaskToken" : "");

    private static JsonObject TaskDetails(TaskResource r) => new() { ["resourceType"] = r.Service, ["resource"] = ResourceName(r) };

    private static JsonObject WithOutput(JsonObject details, JsonNode? output)
    {
        details["output"] = JsonValues.Text(output);
        details["outputDetails"] = Truncated();
        return details;
    }
}
