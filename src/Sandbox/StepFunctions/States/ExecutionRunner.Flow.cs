using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;
using Course.Sandbox.StepFunctions.States;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>The states that do no work: Pass, Choice, Wait, Succeed, Fail.</summary>
internal sealed partial class ExecutionRunner
{
    private (JsonNode? Output, string? Next) RunPass(StateRun run)
    {
        var s = run.State;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var result = s.HasParameters ? Io(run, () => DataFlow.ApplyTemplate(s.Parameters, Scope(run, effective), _intrinsics))
            : s.HasResult ? JsonValues.Copy(s.Result)
            : effective;
        var assigned = Assign(run, s.Assign, result);
        var output = Io(run, () => DataFlow.ApplyOutputPath(s.OutputPath, DataFlow.ApplyResultPath(s.ResultPath, run.Input, result)));
        return Exit(run, output, s.End ? null : s.Next, assigned);
    }

    private (JsonNode? Output, string? Next) RunChoice(StateRun run)
    {
        var s = run.State;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var scope = Scope(run, effective);
        var rule = Io(run, () => s.Choices.FirstOrDefault(r => ChoiceEvaluator.Matches(r, scope)));
        var next = rule?.Next ?? s.Default
            ?? throw new StatesException(StatesErrors.NoChoiceMatched,
                $"An error occurred while executing the state '{s.Name}' (entered at the event id #{run.EnteredEventId}). No Choice Rule matched the input and the state has no Default.");
        var assigned = Assign(run, MergeAssign(s.Assign, rule?.Assign), effective);
        var output = Io(run, () => DataFlow.ApplyOutputPath(s.OutputPath, effective));
        return Exit(run, output, next, assigned);
    }

    private async Task<(JsonNode? Output, string? Next)> RunWaitAsync(StateRun run)
    {
        var s = run.State;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var until = Io(run, () => WaitUntil(run, effective));
        await DelayAsync(until - Now);
        run.Frame.ThrowIfAborted();
        var assigned = Assign(run, s.Assign, effective);
        var output = Io(run, () => DataFlow.ApplyOutputPath(s.OutputPath, effective));
        return Exit(run, output, s.End ? null : s.Next, assigned);
    }

    private DateTimeOffset WaitUntil(StateRun run, JsonNode? effective)
    {
        var s = run.State;
        if (s.Seconds is long seconds)
        {
            return run.EnteredAt.AddSeconds(seconds);
        }
        if (s.Timestamp is DateTimeOffset at)
        {
            return at;
        }
        var scope = Scope(run, effective);
        if (s.SecondsPath is string sp)
        {
            var value = DataFlow.Reference(sp, "SecondsPath", scope);
            var n = JsonValues.AsNumber(value);
            if (n is not decimal d || d < 0 || d != decimal.Truncate(d) || d > 99_999_999)
            {
                throw new StatesException(StatesErrors.Runtime, $"The SecondsPath parameter does not reference a valid integer value: {JsonValues.Text(value)}");
            }
            return run.EnteredAt.AddSeconds((double)d);
        }
        var stamp = DataFlow.Reference(s.TimestampPath!, "TimestampPath", scope);
        if (!Timestamps.TryParse(JsonValues.AsString(stamp), out var t))
        {
            throw new StatesException(StatesErrors.Runtime, $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {JsonValues.Text(stamp)}");
        }
        return t;
    }

    private (JsonNode? Output, string? Next) RunSucceed(StateRun run)
    {
        var s = run.State;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var output = Io(run, () => DataFlow.ApplyOutputPath(s.OutputPath, effective));
        return Exit(run, output, null, null);
    }

    private (JsonNode? Output, string? Next) RunFail(StateRun run)
    {
        var s = run.State;
        var scope = Scope(run, run.Input);
        var error = s.ErrorPath is string ep ? Io(run, () => AsFailString(DataFlow.Evaluate(ep, "ErrorPath", scope, _intrinsics), "ErrorPath")) : s.Error;
        var cause = s.CausePath is string cp ? Io(run, () => AsFailString(DataFlow.Evaluate(cp, "CausePath", scope, _intrinsics), "CausePath")) : s.Cause;
        throw new StatesException(error!, cause) { FromFailState = true };
    }

    private static string AsFailString(JsonNode? value, string field) =>
        JsonValues.AsString(value) ?? throw new StatesException(StatesErrors.Runtime, $"The {field} field of a Fail state must reference a string; got {JsonValues.Text(value)}");

    private static JsonObject? MergeAssign(JsonObject? state, JsonObject? rule)
    {
        if (rule is null)
        {
            return state;
        }
        if (state is null)
        {
            return rule;
        }
        var merged = (JsonObject)state.DeepClone();
        foreach (var (k, v) in rule)
        {
            merged[k] = v?.DeepClone();
        }
        return merged;
    }
}
