using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.States;

public class WaitAndFailStateTests
{
    [Fact]
    public void SFN_01_Wait_OneYear_RunsOnTheVirtualClock()
    {
        var sim = TestHandlers.Sim();
        var start = sim.Now;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Sfn.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":31536000,"End":true}}}""", "{}", sim);
        Assert.Equal(ExecutionStatus.Succeeded, e.Status);
        Assert.Equal(start.AddSeconds(31_536_000), e.StopDate);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"], Sfn.Types(e));
    }

    [Theory]
    [InlineData("\"SecondsPath\":\"$.s\"", """{"s":90}""", 90)]
    [InlineData("\"Timestamp\":\"2026-01-01T00:10:00Z\"", "{}", 600)]
    [InlineData("\"TimestampPath\":\"$.t\"", """{"t":"2026-01-01T01:00:00Z"}""", 3600)]
    [InlineData("\"TimestampPath\":\"$.t\"", """{"t":"2025-01-01T00:00:00Z"}""", 0)]
    public void SFN_01_Wait_PathsAndTimestamps(string field, string input, int seconds)
    {
        var sim = TestHandlers.Sim(configure: o => o.Start = TestHandlers.T0);
        var e = Sfn.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait",""" + field + ""","End":true}}}""", input, sim);
        Assert.Equal(TestHandlers.T0.AddSeconds(seconds), e.StopDate);
    }

    [Fact]
    public void SFN_07_Wait_SecondsPathNotANumber_IsRuntimeError()
    {
        var e = Sfn.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""", """{"s":"soon"}""");
        Assert.Equal(StatesErrors.Runtime, e.Error);
    }

    [Fact]
    public void SFN_01_Fail_ErrorPathAndCausePath_ReadTheInput()
    {
        var e = Sfn.Run("""{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code","CausePath":"States.Format('bad {}', $.id)"}}}""", """{"code":"E42","id":7}""");
        Assert.Equal(ExecutionStatus.Failed, e.Status);
        Assert.Equal(("E42", "bad 7"), (e.Error, e.Cause));
        Assert.Equal("FailStateEntered", e.History[^2].Type);
        var details = e.History[^1].Details!;
        Assert.Equal("E42", details["error"]!.GetValue<string>());
    }

    [Fact]
    public void SFN_01_Succeed_StopsWithItsOutputPath()
    {
        var output = Sfn.RunOutput("""{"StartAt":"S","States":{"S":{"Type":"Succeed","OutputPath":"$.a"}}}""", """{"a":{"b":1}}""");
        Sfn.JsonEqual("""{"b":1}""", output);
    }

    [Fact]
    public void SFN_09_ExecutionTimeoutSeconds_TimesOut()
    {
        var e = Sfn.Run("""{"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        Assert.Equal(ExecutionStatus.TimedOut, e.Status);
        Assert.Equal(StatesErrors.Timeout, e.Error);
        Assert.Equal("ExecutionTimedOut", e.History[^1].Type);
        Assert.Equal(e.StartDate.AddSeconds(5), e.StopDate);
    }

    [Fact]
    public void SFN_09_Express_StopsAtFiveMinutes()
    {
        var e = Sfn.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}""", type: WorkflowType.Express);
        Assert.Equal(ExecutionStatus.TimedOut, e.Status);
        Assert.Equal(e.StartDate.AddMinutes(5), e.StopDate);
        Assert.Contains(":express:", e.Arn);
    }

    [Fact]
    public void SFN_02_Assign_VariablesAreReadByLaterStates()
    {
        var e = Sfn.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"total.$":"$.n","label":"fixed"},"Next":"B"},
              "B":{"Type":"Pass","Parameters":{"t.$":"$total","l.$":"$label","sum.$":"States.MathAdd($total, 1)"},"End":true}}}
            """, """{"n":41}""");
        Sfn.JsonEqual("""{"t":41,"l":"fixed","sum":42}""", Sfn.Output(e));
        var exited = e.History.First(h => h.Type == "PassStateExited").Details!;
        Assert.Equal("41", exited["assignedVariables"]!["total"]!.GetValue<string>());
    }
}
