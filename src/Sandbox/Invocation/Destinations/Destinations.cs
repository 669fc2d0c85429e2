using Course.Sandbox.Functions;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;

namespace Course.Sandbox.Invocation.Destinations;

/// <summary>
/// Builds the <see cref="IAsyncTarget"/>s Lambda sends asynchronous outcomes to (ASYNC_04, ASYNC_05):
/// <c>options.Async.OnFailure = Destinations.Queue(sim, queue)</c>. Each adapter delivers into the simulation's own
/// services, at the virtual time Lambda hands the message over.
/// </summary>
public static class Destinations
{
    /// <summary>An SQS queue: the body becomes the message body; DLQ attributes (<c>RequestID</c>, <c>ErrorCode</c>,
    /// <c>ErrorMessage</c>) become String message attributes.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="queue">The queue (from <c>sim.Services.Sqs</c>).</param>
    /// <returns>The target.</returns>
    public static IAsyncTarget Queue(Simulation sim, SqsQueue queue)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(queue);
        return new QueueTarget(sim, queue);
    }

    /// <summary>An SNS topic: the body is published as the message; attributes become String message attributes.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="topic">The topic (from <c>sim.Services.Sns</c>).</param>
    /// <returns>The target.</returns>
    public static IAsyncTarget Topic(Simulation sim, SnsTopic topic)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(topic);
        return new TopicTarget(sim, topic);
    }

    /// <summary>An EventBridge bus: the invocation record becomes the <c>detail</c> of an event from source <c>lambda</c>
    /// with detail-type <c>Lambda Function Invocation Result - Success</c> or <c>- Failure</c>, as Lambda sends it.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="bus">The bus (from <c>sim.Services.EventBridge</c>).</param>
    /// <returns>The target.</returns>
    public static IAsyncTarget Bus(Simulation sim, EventBus bus)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(bus);
        return new BusTarget(sim, bus);
    }

    /// <summary>Another Lambda function, invoked asynchronously (<c>Event</c>) with the body as its payload.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="functionName">The function to invoke; it must be deployed by the time a message is delivered.</param>
    /// <returns>The target.</returns>
    public static IAsyncTarget Function(Simulation sim, string functionName)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        return new FunctionTarget(sim, functionName);
    }
}
