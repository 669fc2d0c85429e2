using Course.Lambda.SQSEvents;
namespace Course.Sandbox.Tests.Sources.Sqs;
public class Explore
{
    [Fact]
    public void Dump()
    {
        var h = new SqsHarness((e, c) => e.Records.Any(r => r.Body == "bad") ? throw new InvalidOperationException("bad") : null, maxReceiveCount: 3);
        h.Send("a"); h.Send("bad");
        h.Sim.Run();
        Console.WriteLine(h.Sim.Trace.ToString());
        Assert.Fail(h.Sim.Trace.ToString());
    }
}
