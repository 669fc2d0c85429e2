using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>
/// The Parallel state (catalogue row SFN_08): every branch runs at once on its own input copy; the output is the
/// array of the branches' outputs in branch order. The first branch to fail fails the state (its error, as-is) and
/// the other branches stop.
/// </summary>
internal sealed partial class ExecutionRunner
{
    private async Task<(JsonNode? Output, JsonObject? Assigned)> ParallelAttemptAsync(StateRun run)
    {
        var s = run.State;
        var effective = Io(run, () => DataFlow.ApplyInputPath(s.InputPath, Scope(run, run.Input)));
        var input = s.HasParameters ? Io(run, () => DataFlow.ApplyTemplate(s.Parameters, Scope(run, effective), _intrinsics)) : effective;
        var started = Append(run.Frame, "ParallelStateStarted", null, null);
        _execution.ParallelMapSteps += s.Branches.Count;

        var frames = s.Branches.Select(_ => new ExecutionFrame(run.Frame, started, new VariableScope(run.Frame.Variables), run.Frame.MapItem)).ToList();
        var results = new JsonNode?[s.Branches.Count];
        var group = new ChildGroup();
        for (var i = 0; i < s.Branches.Count; i++)
        {
            var index = i;
            group.Track(RunChildAsync(group, frames[index], () => RunMachineAsync(s.Branches[index], JsonValues.Copy(input), frames[index]),
                output => results[index] = output));
        }
        await group.WhenDoneAsync(frames.Count);
        run.Frame.ThrowIfAborted();
        if (group.Failure is { } failure)
        {
            foreach (var f in frames)
            {
                f.Abort();
            }
            run.Frame.LastEventId = failure.Frame.LastEventId;
            if (failure.Error.IsTerminal)
            {
                throw failure.Error;
            }
            Append(run.Frame, "ParallelStateFailed", null, null, advance: false);
            throw failure.Error;
        }
        run.Frame.LastEventId = group.LastFinished!.LastEventId;
        Append(run.Frame, "ParallelStateSucceeded", null, null, advance: false);
        JsonNode? result = new JsonArray(results);
        return ProcessResult(run, result);
    }

    /// <summary>Runs one branch or iteration, recording its outcome in <paramref name="group"/>.</summary>
    private static async Task RunChildAsync(ChildGroup group, ExecutionFrame frame, Func<Task<JsonNode?>> body, Action<JsonNode?> onSuccess)
    {
        try
        {
            var output = await body();
            onSuccess(output);
            group.Succeeded(frame);
        }
        catch (StatesException e)
        {
            group.Failed(frame, e);
        }
        catch (FrameAbortedException)
        {
            group.Stopped();
        }
    }
}

/// <summary>The branches or iterations of one Parallel or Map attempt: completes when all are done or one fails.</summary>
internal sealed class ChildGroup
{
    private readonly TaskCompletionSource _done = new();
    private readonly List<Task> _children = [];
    private int _finished;
    private int _expected = int.MaxValue;

    public (ExecutionFrame Frame, StatesException Error)? Failure { get; private set; }

    public ExecutionFrame? LastFinished { get; private set; }

    /// <summary>When true, failures are only counted (a Map with a tolerated failure threshold decides).</summary>
    public Func<ExecutionFrame, StatesException, bool>? Tolerate { get; init; }

    /// <summary>Keeps a child's task (its outcome is reported through <see cref="Succeeded"/>, <see cref="Failed"/>, <see cref="Stopped"/>).</summary>
    public void Track(Task child) => _children.Add(child);

    public void Succeeded(ExecutionFrame frame)
    {
        LastFinished = frame;
        Finish();
    }

    public void Failed(ExecutionFrame frame, StatesException error)
    {
        LastFinished = frame;
        if (!error.IsTerminal && Tolerate?.Invoke(frame, error) == true)
        {
            Finish();
            return;
        }
        Failure ??= (frame, error);
        _done.TrySetResult();
    }

    public void Stopped() => Finish();

    public Task WhenDoneAsync(int expected)
    {
        _expected = expected;
        if (_finished >= _expected)
        {
            _done.TrySetResult();
        }
        return _done.Task;
    }

    private void Finish()
    {
        if (++_finished >= _expected)
        {
            _done.TrySetResult();
        }
    }
}
