using Course.Sandbox.Clients;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Tests.Clients;

public sealed class SandboxAmbientTests
{
    [Fact]
    public async Task Attach_SetsOneAmbientValue_CarryingTheSdkRouterAndTheServices()
    {
        var sim = TestHandlers.Sim();
        await Task.Run(() =>
        {
            sim.Services.Attach();
            Assert.NotNull(SandboxAmbient.Current);
            Assert.Same(sim.Services.Sqs, SandboxAmbient.Current!.Sqs);
            Assert.Same(sim.Services.Sdk, SandboxAmbient.Current.Sdk);
            Assert.Same(sim.Services.Sdk, SandboxHttpClientFactory.Current);
        });
    }

    [Fact]
    public async Task Activate_InsideARegistry_KeepsItsServices_AndRestoresItOnDispose()
    {
        var sqs = new SqsService(TimeProvider.System, new Random(1));
        var registry = new SandboxServiceRegistry { Sqs = sqs };
        var factory = new SandboxHttpClientFactory();
        await Task.Run(() =>
        {
            using (SandboxAmbient.Use(registry))
            {
                Assert.Null(SandboxHttpClientFactory.Current);
                using (factory.Activate())
                {
                    Assert.Same(factory, SandboxHttpClientFactory.Current);
                    Assert.Same(sqs, SandboxAmbient.Current!.Sqs);
                }

                Assert.Same(registry, SandboxAmbient.Current);
                Assert.Null(SandboxHttpClientFactory.Current);
            }

            Assert.Null(SandboxAmbient.Current);
        });
    }
}
