using Course.Sandbox.Clients.BedrockRuntime.Model;

namespace Course.Sandbox.Clients.BedrockRuntime;

/// <summary>The Bedrock Runtime operations the sandbox models, with the names and shapes of
/// <c>Amazon.BedrockRuntime.IAmazonBedrockRuntime</c>.</summary>
public interface IAmazonBedrockRuntime : IDisposable
{
    /// <summary>Runs a model on a body in the model's own format (Anthropic Messages JSON for Claude).</summary>
    /// <param name="request">The model id and the body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model's response body.</returns>
    Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends a conversation to a model in Bedrock's model-independent Converse format.</summary>
    /// <param name="request">The model id, messages and inference configuration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model's message, stop reason, token usage and latency.</returns>
    Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default);
}
