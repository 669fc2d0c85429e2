using Course.Sandbox.Functions;
using Course.Sandbox.Invocation;
using Course.Sandbox.Observability;

namespace Course.Sandbox.Invocation.Destinations;

/// <summary>Invokes another function asynchronously with the invocation record.</summary>
internal sealed class FunctionTarget(Simulation sim, string functionName) : IAsyncTarget
{
    public string Arn => $"arn:aws:lambda:{sim.Options.Region}:{sim.Options.AccountId}:function:{functionName}";

    public void Deliver(AsyncDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var result = sim.Lambda.InvokeAsync(functionName, delivery.Body, InvocationType.Event).Result;
        if (result.StatusCode != 202)
        {
            sim.Trace.Add(sim.Now, TraceKind.SourceOutcome, functionName, result.RequestId,
                $"destination invoke refused: {result.ErrorType} ({result.ErrorMessage}); record lost");
        }
    }
}
