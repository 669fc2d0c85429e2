using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.States;

public class DataFlowInStatesTests
{
    [Fact]
    public void SFN_02_ResultSelector_AwsExample_KeepsOnlyWhatItSelects()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "emr" }, HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) =>
            new Dictionary<string, object>
            {
                ["resourceType"] = "elasticmapreduce",
                ["resource"] = "createCluster.sync",
                ["output"] = new Dictionary<string, object> { ["SdkHttpMetadata"] = new Dictionary<string, object> { ["HttpStatusCode"] = 200 }, ["ClusterId"] = "AKIAIOSFODNN7EXAMPLE" },
            }));
        var output = Sfn.Output(Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:emr",
              "ResultSelector":{"ClusterId.$":"$.output.ClusterId","ResourceType.$":"$.resourceType"},"ResultPath":"$.EMROutput","End":true}}}
            """, """{"OtherDataFromInput":{}}""", sim));
        Sfn.JsonEqual("""{"OtherDataFromInput":{},"EMROutput":{"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}}""", output);
    }

    [Fact]
    public void SFN_07_TimeoutSecondsPath_IsReadFromTheInput()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "slow", MemorySize = 1769, Timeout = TimeSpan.FromSeconds(30) },
            HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => { SimulatedWork.Spend(10_000); return 1; }));
        var e = Sfn.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"slow"},"TimeoutSecondsPath":"$.limit","End":true}}}
            """, """{"limit":4}""", sim);
        Assert.Equal(StatesErrors.Timeout, e.Error);
        Assert.Equal("TaskTimedOut", e.History[^2].Type);
        Assert.Equal(e.StartDate.AddSeconds(4), e.StopDate);
        Assert.Equal(4, System.Text.Json.Nodes.JsonNode.Parse(e.History.First(h => h.Type == "TaskScheduled").Details!.ToJsonString())!["timeoutInSeconds"]!.GetValue<int>());
    }

    [Fact]
    public void SFN_08_MaxConcurrencyPath_IsReadFromTheInput()
    {
        var e = Sfn.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.max",
              "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},"End":true}}}
            """, """{"items":[1,2,3,4],"max":2}""");
        Assert.Equal(e.StartDate.AddSeconds(20), e.StopDate);   // two waves of two
    }

    [Fact]
    public void SFN_06_Catch_AssignAndResultPath_SeeTheErrorOutput()
    {
        var e = Sfn.Run("""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"why"}}}],
                   "Catch":[{"ErrorEquals":["Boom"],"Assign":{"reason.$":"$.Cause"},"ResultPath":"$.error","Next":"After"}],"End":true},
              "After":{"Type":"Pass","Parameters":{"reason.$":"$reason","error.$":"$.error.Error","keep.$":"$.keep"},"End":true}}}
            """, """{"keep":1}""");
        Sfn.JsonEqual("""{"reason":"why","error":"Boom","keep":1}""", Sfn.Output(e));
    }

    [Fact]
    public void SFN_08_MapInsideParallel_ChainsPreviousEventIdsPerIteration()
    {
        var e = Sfn.Run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}]}}}
            """, "[1]");
        Assert.Equal([
            "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted",
            "PassStateEntered", "PassStateExited", "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited", "ParallelStateSucceeded",
            "ParallelStateExited", "ExecutionSucceeded"], Sfn.Types(e));
        Assert.Equal([0L, 0L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 9L, 11L, 11L, 13L], e.History.Select(h => h.PreviousEventId));
        Sfn.JsonEqual("[[1]]", Sfn.Output(e));
    }

    [Fact]
    public void Trace_RecordsStartAndStop_AndStopExecutionAborts()
    {
        var sim = TestHandlers.Sim();
        var machine = sim.StepFunctions.CreateStateMachine("w", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        var e = sim.StepFunctions.StartExecution(machine.Arn, name: "one");
        sim.RunFor(TimeSpan.FromSeconds(10));
        sim.StepFunctions.StopExecution(e.Arn, "Manual", "stopped by the test");
        sim.Run();
        Assert.Equal(ExecutionStatus.Aborted, e.Status);
        Assert.Equal("ExecutionAborted", e.History[^1].Type);
        Assert.DoesNotContain("WaitStateExited", Sfn.Types(e));
        Assert.Single(sim.Trace.OfKind(TraceKind.StateMachineExecutionStarted));
        Assert.Contains("ABORTED Manual", Assert.Single(sim.Trace.OfKind(TraceKind.StateMachineExecutionStopped)).Detail);
    }
}
