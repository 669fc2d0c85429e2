using System.Text.Json.Nodes;
using Course.Sandbox.Retries;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>Retry (catalogue row SFN_05) and Catch (SFN_06) around the attempts of a Task, Parallel or Map state.</summary>
internal sealed partial class ExecutionRunner
{
    private async Task<(JsonNode? Output, string? Next)> WithErrorHandlingAsync(StateRun run, Func<StateRun, Task<(JsonNode? Output, JsonObject? Assigned)>> attempt)
    {
        var s = run.State;
        var retries = new int[s.Retry.Count];
        while (true)
        {
            StatesException error;
            try
            {
                var (output, assigned) = await attempt(run);
                return Exit(run, output, s.End ? null : s.Next, assigned);
            }
            catch (StatesException e) when (!e.IsTerminal)
            {
                error = e;
            }
            run.Frame.ThrowIfAborted();
            var name = error.Error ?? "";
            var retrier = s.Retry.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.ErrorEquals.Any(p => StatesErrors.Matches(p, name)));
            if (retrier.r is not null && StepFunctionsRetryBackoff.Allows(retrier.r, retries[retrier.i] + 1))
            {
                retries[retrier.i]++;
                await DelayAsync(StepFunctionsRetryBackoff.Delay(retrier.r, retries[retrier.i], _sim.Random));
                run.Frame.ThrowIfAborted();
                run.RetryCount++;
                _execution.StateTransitions++;
                continue;
            }
            var catcher = s.Catch.FirstOrDefault(c => c.ErrorEquals.Any(p => StatesErrors.Matches(p, name)));
            if (catcher is null)
            {
                throw error;
            }
            var errorOutput = new JsonObject();
            if (error.Error is not null)
            {
                errorOutput["Error"] = error.Error;
            }
            if (error.Cause is not null)
            {
                errorOutput["Cause"] = error.Cause;
            }
            var assignedOnCatch = Assign(run, catcher.Assign, errorOutput);
            var caught = Io(run, () => DataFlow.ApplyResultPath(catcher.ResultPath, run.Input, errorOutput));
            return Exit(run, caught, catcher.Next, assignedOnCatch);
        }
    }
}
