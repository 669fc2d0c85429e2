using Course.Sandbox.Pricing;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.Tests.StepFunctions.Executions;

public class ExecutionBillTests
{
    private const string ThreeStates = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Wait","Seconds":1,"Next":"C"},"C":{"Type":"Succeed"}}}""";

    [Fact]
    public void SFN_09_Standard_IsPricedPerTransition_WithTheFreeTier()
    {
        var sim = TestHandlers.Sim();
        var machine = sim.StepFunctions.CreateStateMachine("std", ThreeStates);
        for (var i = 0; i < 2_000; i++)
        {
            sim.StepFunctions.StartExecution(machine.Arn);
        }
        sim.Run();
        var bill = ExecutionBill.For(sim.StepFunctions.Executions, PriceSheet.UsEast1);
        Assert.Equal(6_000, bill.StateTransitions);
        Assert.Equal(0.15m, bill.StandardCost);   // 6,000 × $0.025 / 1,000
        Assert.Equal(0.05m, ExecutionBill.For(sim.StepFunctions.Executions, PriceSheet.UsEast1, freeTier: true).StandardCost);
    }

    [Fact]
    public void SFN_09_Express_IsPricedPerRequestAndGbSecond_In100msAnd64MbSteps()
    {
        var sim = TestHandlers.Sim();
        var machine = sim.StepFunctions.CreateStateMachine("exp", ThreeStates, WorkflowType.Express);
        for (var i = 0; i < 1_000; i++)
        {
            sim.StepFunctions.StartExecution(machine.Arn);
        }
        sim.Run();
        var e = sim.StepFunctions.Executions[0];
        Assert.Equal(64, ExecutionBill.BilledMemoryMB(e));
        Assert.Equal(1m * 64 / 1024, ExecutionBill.BilledGbSeconds(e));   // 1 s × 64 MB
        var bill = ExecutionBill.For(sim.StepFunctions.Executions, PriceSheet.UsEast1);
        Assert.Equal(1_000, bill.ExpressRequests);
        Assert.Equal(62.5m, bill.ExpressGbSeconds);
        Assert.Equal(Math.Round(0.001m + 62.5m * 0.06m / 3600m, 12), Math.Round(bill.ExpressCost, 12));
    }

    [Fact]
    public void SFN_09_AwsPricingExample_HundredMillionTenSecondWorkflows()
    {
        // AWS's Express pricing example: 100 M executions × 10 s × 64 MB = 17,361.11 GB-hours → $100 + $382.97.
        var cost = new CostModel(PriceSheet.UsEast1).StepFunctionsExpress(100_000_000, 62_500_000m);
        Assert.Equal(482.97m, Math.Round(cost, 2));
    }

    [Fact]
    public void SFN_09_Express_RejectsSyncAndCallbackIntegrations()
    {
        var sim = TestHandlers.Sim();
        var e = Assert.Throws<InvalidDefinitionException>(() => sim.StepFunctions.CreateStateMachine("x",
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"f"},"End":true}}}""", WorkflowType.Express));
        Assert.Equal("/States/T/Resource", e.Diagnostics.Single().Location);
    }
}
