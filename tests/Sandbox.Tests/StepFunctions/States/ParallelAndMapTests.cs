using Course.Lambda.Core;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.States;

public class ParallelAndMapTests
{
    [Fact]
    public void SFN_08_HistoryOfParallelThenMap_MatchesAwsEventOrderAndPreviousIds()
    {
        // Shape recorded on AWS (us-east-1) for a one-branch Parallel followed by a Map of two items, MaxConcurrency 1.
        var e = Sfn.Run("""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[{"StartAt":"A1","States":{"A1":{"Type":"Pass","End":true}}}],"Next":"M"},
              "M":{"Type":"Map","ItemsPath":"$[0].items","MaxConcurrency":1,
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"items":[1,2]}""");
        Assert.Equal([
            "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited", "ParallelStateSucceeded", "ParallelStateExited",
            "MapStateEntered", "MapStateStarted",
            "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
            "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
            "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"], Sfn.Types(e));
        Assert.Equal([0L, 0L, 2L, 3L, 4L, 5L, 5L, 7L, 8L, 9L, 10L, 11L, 12L, 9L, 14L, 15L, 16L, 17L, 17L, 19L], e.History.Select(h => h.PreviousEventId));
        Assert.Null(e.History[2].Details);
        Assert.Equal(2, e.History[8].Details!["length"]!.GetValue<int>());
        Assert.Equal(("M", 1), (e.History[16].Details!["name"]!.GetValue<string>(), e.History[16].Details!["index"]!.GetValue<int>()));
        Assert.Equal("[1,2]", e.History[18].Details!["output"]!.GetValue<string>());
    }

    [Fact]
    public void SFN_07_RuntimeErrorInABranch_FailsTheExecutionDirectly()
    {
        // Recorded on AWS: no ParallelStateFailed; ExecutionFailed follows the branch's last event.
        var e = Sfn.Run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"Fast","States":{"Fast":{"Type":"Pass","Parameters":{"m.$":"$.nope"},"End":true}}}],
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},"H":{"Type":"Succeed"}}}
            """, """{"x": "a"}""");
        Assert.Equal(["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "ExecutionFailed"], Sfn.Types(e));
        Assert.Equal(StatesErrors.Runtime, e.Error);
        Assert.Equal("""An error occurred while executing the state 'Fast' (entered at the event id #4). The JSONPath '$.nope' specified for the field 'm.$' could not be found in the input '{"x":"a"}'""", e.Cause);
        Assert.Equal(4, e.History[^1].PreviousEventId);
    }

    [Fact]
    public void SFN_08_Parallel_OutputIsBranchOutputsInOrder_AwsLookupExample()
    {
        var output = Sfn.RunOutput("""
            {"StartAt":"LookupCustomerInfo","States":{"LookupCustomerInfo":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"LookupAddress","States":{"LookupAddress":{"Type":"Wait","Seconds":5,"Next":"A"},"A":{"Type":"Pass","Result":"address","End":true}}},
              {"StartAt":"LookupPhone","States":{"LookupPhone":{"Type":"Pass","Result":"phone","End":true}}}]}}}
            """);
        Sfn.JsonEqual("""["address","phone"]""", output);
    }

    [Fact]
    public void SFN_08_Parallel_BranchFailure_FailsTheState_CatchTakesIt()
    {
        var e = Sfn.Run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":100,"End":true}}},
              {"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Oops","Cause":"bad"}}}],
              "Catch":[{"ErrorEquals":["Oops"],"Next":"H"}],"End":true},"H":{"Type":"Pass","End":true}}}
            """);
        Sfn.JsonEqual("""{"Error":"Oops","Cause":"bad"}""", Sfn.Output(e));
        Assert.Contains("ParallelStateFailed", Sfn.Types(e));
        Assert.DoesNotContain("WaitStateExited", Sfn.Types(e));   // the other branch stopped
        Assert.Equal(e.StartDate, e.StopDate);
    }

    [Fact]
    public void SFN_08_Map_ItemSelectorAndContext_AwsExample()
    {
        var output = Sfn.RunOutput("""
            {"StartAt":"M","States":{"M":{"Type":"Map","InputPath":"$.detail","ItemsPath":"$.shipped",
              "ItemSelector":{"parcel.$":"$$.Map.Item.Value","courier.$":"$.delivery-partner","index.$":"$$.Map.Item.Index"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"detail":{"delivery-partner":"UQS","shipped":[{"prod":"R31","dest-code":9511,"quantity":1344},{"prod":"S39","dest-code":9511,"quantity":40}]}}""");
        Sfn.JsonEqual("""
            [{"parcel":{"prod":"R31","dest-code":9511,"quantity":1344},"courier":"UQS","index":0},
             {"parcel":{"prod":"S39","dest-code":9511,"quantity":40},"courier":"UQS","index":1}]
            """, output);
    }

    [Fact]
    public void SFN_08_Map_LegacyIteratorAndParameters_StillWork()
    {
        var output = Sfn.RunOutput("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","Parameters":{"v.$":"$$.Map.Item.Value"},
              "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"ResultPath":"$.out","End":true}}}
            """, """{"items":[1,2]}""");
        Sfn.JsonEqual("""{"items":[1,2],"out":[{"v":1},{"v":2}]}""", output);
    }

    [Fact]
    public void SFN_08_Map_MaxConcurrency_CapsIterationsInFlight()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "Work" }, HandlerFactory.FromDelegate((int e, ILambdaContext c) =>
        {
            SimulatedWork.Spend(100);
            return 1;
        }));
        var e = Sfn.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":3,
              "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Work","End":true}}},"End":true}}}
            """, """{"items":[1,2,3,4,5,6,7]}""", sim);
        Sfn.JsonEqual("[1,1,1,1,1,1,1]", Sfn.Output(e));
        var runs = sim.Lambda.Invocations.Select(i => (i.Start, i.End)).ToList();
        var peak = runs.Max(r => runs.Count(o => o.Start <= r.Start && o.End > r.Start));
        Assert.Equal(3, peak);
        Assert.Equal(3, sim.Lambda.Functions["Work"].Environments.Count);
    }

    [Fact]
    public void SFN_08_Map_ToleratedFailures_AllowSomeThenExceedTheThreshold()
    {
        const string machine = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,
              "ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericLessThan":0,"Next":"F"}],"Default":"OK"},
                "F":{"Type":"Fail","Error":"Negative"},"OK":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var one = Sfn.Run(machine, "[1,-1,2]");
        Assert.Equal(ExecutionStatus.Succeeded, one.Status);
        Assert.Contains("MapIterationFailed", Sfn.Types(one));
        var two = Sfn.Run(machine, "[1,-1,-2]");
        Assert.Equal(StatesErrors.ExceedToleratedFailureThreshold, two.Error);
    }

    [Fact]
    public void SFN_08_Map_AFailedIteration_FailsTheMapWithItsError()
    {
        var e = Sfn.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,
              "ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad","Cause":"item"}}},"End":true}}}
            """, "[1,2,3]");
        Assert.Equal(("Bad", "item"), (e.Error, e.Cause));
        Assert.Equal(1, Sfn.Types(e).Count(t => t == "MapIterationStarted"));
        Assert.Contains("MapStateFailed", Sfn.Types(e));
    }

    [Fact]
    public void SFN_08_Map_EmptyArray_OutputsEmptyArray() =>
        Sfn.JsonEqual("[]", Sfn.RunOutput("""{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""", "[]"));

    [Fact]
    public void SFN_08_Map_ItemsNotAnArray_IsRuntimeError() =>
        Assert.Equal(StatesErrors.Runtime, Sfn.Run("""{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""", "{}").Error);
}
