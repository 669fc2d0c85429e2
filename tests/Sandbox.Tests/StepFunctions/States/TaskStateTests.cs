using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Retries;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.States;

public class TaskStateTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:";

    private static Simulation WithFunction(string name, HandlerFactory handler, int timeoutSeconds = 3)
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = name, Timeout = TimeSpan.FromSeconds(timeoutSeconds) }, handler);
        return sim;
    }

    private static HandlerFactory Add => HandlerFactory.FromDelegate((Dictionary<string, int> e, ILambdaContext c) => e["val1"] + e["val2"]);

    /// <summary>Fails <paramref name="failures"/> times with <see cref="TimeoutException"/>, then returns "ok".</summary>
    private static HandlerFactory Flaky(int failures, List<DateTimeOffset> calls, Simulation? clock = null) =>
        HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) =>
        {
            calls.Add(DateTimeOffset.MinValue);
            return calls.Count <= failures ? throw new TimeoutException("flaky") : "ok";
        });

    [Fact]
    public void SFN_10_LambdaFunctionArn_ResultIsTheFunctionsOutput_AwsInputOutputExample()
    {
        var sim = WithFunction("Add", Add);
        var e = Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Add","InputPath":"$.numbers","ResultPath":"$.sum","End":true}}}
            """, """{"title":"Numbers to add","numbers":{"val1":3,"val2":4}}""", sim);
        Sfn.JsonEqual("""{"title":"Numbers to add","numbers":{"val1":3,"val2":4},"sum":7}""", Sfn.Output(e));
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"], Sfn.Types(e));
        Assert.Equal([0L, 0L, 2L, 3L, 4L, 5L, 6L], e.History.Select(h => h.PreviousEventId));
        Assert.Single(sim.Lambda.Invocations);   // ran (and was billed) as any invocation
    }

    [Fact]
    public void SFN_10_LambdaInvoke_WrapsThePayload()
    {
        var sim = WithFunction("Add", Add);
        var e = Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"Add","Payload.$":"$"},"End":true}}}
            """, """{"val1":1,"val2":2}""", sim);
        var output = Sfn.Output(e)!;
        Assert.Equal(3, output["Payload"]!.GetValue<int>());
        Assert.Equal(200, output["StatusCode"]!.GetValue<int>());
        Assert.Equal("$LATEST", output["ExecutedVersion"]!.GetValue<string>());
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"], Sfn.Types(e));
        var scheduled = e.History[2].Details!;
        Assert.Equal(("lambda", "invoke", "us-east-1"), (scheduled["resourceType"]!.GetValue<string>(), scheduled["resource"]!.GetValue<string>(), scheduled["region"]!.GetValue<string>()));
        Assert.Equal("""{"FunctionName":"Add","Payload":{"val1":1,"val2":2}}""", scheduled["parameters"]!.GetValue<string>());
    }

    [Fact]
    public void SFN_10_FunctionError_SurfacesWithTheErrorType_AndCatchGetsTheErrorOutput()
    {
        var sim = WithFunction("Boom", TestHandlers.Throws("kaput"));
        var e = Sfn.Run("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Boom"},
                   "Catch":[{"ErrorEquals":["InvalidOperationException"],"ResultPath":"$.err","Next":"H"}],"End":true},
              "H":{"Type":"Pass","End":true}}}
            """, """{"keep":1}""", sim);
        var output = Sfn.Output(e)!;
        Assert.Equal(1, output["keep"]!.GetValue<int>());
        Assert.Equal("InvalidOperationException", output["err"]!["Error"]!.GetValue<string>());
        Assert.Contains("kaput", output["err"]!["Cause"]!.GetValue<string>());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], Sfn.Types(e));
    }

    [Fact]
    public void SFN_10_UnknownFunction_IsLambdaResourceNotFound_WithAwsCause()
    {
        var e = Sfn.Run("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"nope"},"End":true}}}""");
        Assert.Equal("Lambda.ResourceNotFoundException", e.Error);
        Assert.StartsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ", e.Cause);
        Assert.Equal([0L, 0L, 2L, 3L, 4L, 5L], e.History.Select(h => h.PreviousEventId));
    }

    [Fact]
    public void SFN_05_Retry_DefaultsAreOneSecondThreeAttemptsRateTwo()
    {
        var policy = new RetryPolicy { ErrorEquals = ["States.ALL"] };
        Assert.Equal((1, 3, 2.0), (policy.IntervalSeconds, policy.MaxAttempts, policy.BackoffRate));
        var calls = new List<DateTimeOffset>();
        var sim = WithFunction("Flaky", Flaky(10, calls));
        var e = Sfn.Run("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Flaky","Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}}}""", "{}", sim);
        Assert.Equal(ExecutionStatus.Failed, e.Status);
        Assert.Equal("TimeoutException", e.Error);
        Assert.Equal(4, calls.Count);   // the attempt and 3 retries
        var starts = sim.Lambda.Invocations.Select(i => i.Start).ToList();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds)).ToList();
        Assert.Equal([1.0, 2.0, 4.0], gaps);   // 1 s, ×2, ×2 (plus each invocation's few ms, rounded away)
        Assert.Equal(1 + 3, e.StateTransitions);   // each retry is a billed transition
    }

    [Fact]
    public void SFN_05_Retry_SucceedsAfterFailures_MaxDelayCapsTheBackoff()
    {
        var calls = new List<DateTimeOffset>();
        var sim = WithFunction("Flaky", Flaky(3, calls));
        var e = Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Flaky",
              "Retry":[{"ErrorEquals":["TimeoutException"],"IntervalSeconds":10,"BackoffRate":3,"MaxAttempts":5,"MaxDelaySeconds":20}],"End":true}}}
            """, "{}", sim);
        Sfn.JsonEqual("\"ok\"", Sfn.Output(e));
        var starts = sim.Lambda.Invocations.Select(i => i.Start).ToList();
        Assert.Equal([10.0, 20.0, 20.0], starts.Zip(starts.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds)));
    }

    [Fact]
    public void SFN_05_Retry_MaxAttemptsZero_NeverRetries_AndJitterIsSeeded()
    {
        var calls = new List<DateTimeOffset>();
        var sim = WithFunction("Flaky", Flaky(1, calls));
        var e = Sfn.Run("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Flaky","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":0}],"End":true}}}""", "{}", sim);
        Assert.Equal(ExecutionStatus.Failed, e.Status);
        Assert.Single(calls);
        var jitter = new RetryPolicy { ErrorEquals = ["X"], IntervalSeconds = 8, FullJitter = true };
        var a = StepFunctionsRetryBackoff.Delay(jitter, 2, new Random(5));
        Assert.Equal(a, StepFunctionsRetryBackoff.Delay(jitter, 2, new Random(5)));
        Assert.InRange(a.TotalSeconds, 0, 16);
    }

    [Fact]
    public void SFN_06_Catch_DefaultResultPathReplacesInputWithErrorOutput()
    {
        var e = Sfn.Run("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"missing"},
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
              "H":{"Type":"Pass","End":true}}}
            """, """{"lost":true}""");
        var output = Sfn.Output(e)!.AsObject();
        Assert.Equal(["Error", "Cause"], output.Select(p => p.Key));
        Assert.Equal("Lambda.ResourceNotFoundException", output["Error"]!.GetValue<string>());
    }

    [Fact]
    public void SFN_07_TaskFailed_MatchesAllButTimeout_TaskTimeoutSecondsIsStatesTimeout()
    {
        var sim = WithFunction("Slow", TestHandlers.Work(5_000), timeoutSeconds: 10);
        var e = Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Slow","TimeoutSeconds":2,
              "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},{"ErrorEquals":["States.Timeout"],"Next":"Right"}],"End":true},
             "Wrong":{"Type":"Fail"},"Right":{"Type":"Succeed"}}}
            """, "{}", sim);
        Assert.Equal(ExecutionStatus.Succeeded, e.Status);
        Assert.Contains("LambdaFunctionTimedOut", Sfn.Types(e));
        Assert.True(StatesErrors.Matches("States.TaskFailed", "Lambda.ServiceException"));
        Assert.False(StatesErrors.Matches("States.ALL", StatesErrors.Runtime));
        Assert.False(StatesErrors.Matches("States.ALL", StatesErrors.DataLimitExceeded));
    }

    [Fact]
    public void SFN_11_ResultOver256KiB_IsDataLimitExceeded_AndNotCaughtByStatesAll()
    {
        var sim = WithFunction("Big", HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => new string('x', 300_000)));
        var e = Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Big","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},"H":{"Type":"Succeed"}}}
            """, "{}", sim);
        Assert.Equal(ExecutionStatus.Failed, e.Status);
        Assert.Equal(StatesErrors.DataLimitExceeded, e.Error);
    }

    [Fact]
    public void SFN_11_HistoryLimit_StopsAnEndlessLoop()
    {
        var e = Sfn.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"A"},
              "Done":{"Type":"Succeed"}}}
            """);
        Assert.Equal(ExecutionStatus.Failed, e.Status);
        Assert.Equal(StatesErrors.Runtime, e.Error);
        Assert.Equal(ExecutionRunner.MaxHistoryEvents, e.History.Count);
    }
}
