using Course.Lambda.Core;
using Course.Sandbox.Clients.StepFunctions;
using Course.Sandbox.Clients.StepFunctions.Model;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.Tests.StepFunctions;
using ExecutionStatus = Course.Sandbox.Clients.StepFunctions.Model.ExecutionStatus;
using WorkflowType = Course.Sandbox.StepFunctions.Executions.WorkflowType;

namespace Course.Sandbox.Tests.Clients.StepFunctions;

public class AmazonStepFunctionsClientTests
{
    private const string Echo = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"ok":true},"End":true}}}""";

    [Fact]
    public async Task StartDescribeAndHistory_MirrorTheSdk()
    {
        var sim = TestHandlers.Sim();
        sim.StepFunctions.CreateStateMachine("echo", Echo);
        using var client = new AmazonStepFunctionsClient(sim.StepFunctions);
        var started = await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:echo", Input = "{}", Name = "run-1" });
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:echo:run-1", started.ExecutionArn);
        sim.Run();
        var described = await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn });
        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        Assert.Equal("""{"ok":true}""", described.Output);
        var history = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started.ExecutionArn, ReverseOrder = true });
        Assert.Equal(HistoryEventType.ExecutionSucceeded, history.Events[0].Type);
        Assert.Equal("P", history.Events.First(e => e.Type == HistoryEventType.PassStateEntered).StateEnteredEventDetails.Name);
    }

    [Fact]
    public async Task Errors_AreAmazonStepFunctionsExceptions_WithAwsCodes()
    {
        var sim = TestHandlers.Sim();
        using var client = new AmazonStepFunctionsClient(sim.StepFunctions);
        var e = await Assert.ThrowsAsync<AmazonStepFunctionsException>(() => client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "nope", Output = "{}" }));
        Assert.Equal("TaskDoesNotExist", e.ErrorCode);
        var d = await Assert.ThrowsAsync<AmazonStepFunctionsException>(() => client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn:x" }));
        Assert.Equal("ExecutionDoesNotExist", d.ErrorCode);
    }

    [Fact]
    public void SFN_12_HandlerCompletesItsOwnTaskToken_ThroughTheAmbientClient()
    {
        var sim = TestHandlers.Sim();
        sim.Lambda.Deploy(new FunctionOptions { FunctionName = "approver" }, HandlerFactory.FromDelegate((Dictionary<string, string> e, ILambdaContext c) =>
        {
            using var client = new AmazonStepFunctionsClient();
            client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = e["token"], Output = """{"approved":"yes"}""" }).GetAwaiter().GetResult();
            return "sent";
        }));
        var e = Sfn.Run("""
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"approver","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
            """, "{}", sim);
        Assert.Equal("""{"approved":"yes"}""", e.Output);
    }

    [Fact]
    public async Task StartSyncExecution_CompletesWhenTheExpressExecutionEnds()
    {
        var sim = TestHandlers.Sim();
        sim.StepFunctions.CreateStateMachine("fast", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3,"End":true}}}""", WorkflowType.Express);
        using var client = new AmazonStepFunctionsClient(sim.StepFunctions);
        var task = client.StartSyncExecutionAsync(new StartSyncExecutionRequest { StateMachineArn = "fast", Input = """{"a":1}""" });
        sim.RunUntilComplete(task);
        var response = await task;
        Assert.Equal(SyncExecutionStatus.SUCCEEDED, response.Status);
        Assert.Equal("""{"a":1}""", response.Output);
        Assert.Equal(TimeSpan.FromSeconds(3), response.StopDate - response.StartDate);
    }
}
