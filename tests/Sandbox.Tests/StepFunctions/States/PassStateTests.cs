namespace Course.Sandbox.Tests.StepFunctions.States;

public class PassStateTests
{
    [Fact]
    public void Pass_NoFields_OutputIsInput()
    {
        var e = Sfn.Run(Sfn.Pass("\"Comment\":\"x\""), """{"a":1}""");
        Sfn.JsonEqual("""{"a":1}""", Sfn.Output(e));
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], Sfn.Types(e));
        Assert.Equal([0L, 0L, 2L, 3L], e.History.Select(h => h.PreviousEventId));
    }

    [Fact]
    public void Pass_ResultWithResultPath_MergesIntoInput()
    {
        var output = Sfn.RunOutput(Sfn.Pass("""
            "Result":{"x-datum":0.381018,"y-datum":622.2269926397355},"ResultPath":"$.coords"
            """), """{"georefOf":"Home"}""");
        Sfn.JsonEqual("""{"georefOf":"Home","coords":{"x-datum":0.381018,"y-datum":622.2269926397355}}""", output);
    }
}
