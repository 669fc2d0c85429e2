using Amazon.Runtime;

namespace Course.Sandbox.Clients.BedrockRuntime.Model;

/// <summary>The output of <c>InvokeModel</c> (mirrors <c>Amazon.BedrockRuntime.Model.InvokeModelResponse</c>).</summary>
public sealed class InvokeModelResponse : AmazonWebServiceResponse
{
    /// <summary>The model's response body; for Claude, Anthropic Messages JSON (<c>id</c>, <c>type</c>, <c>role</c>,
    /// <c>content[{type, text}]</c>, <c>stop_reason</c>, <c>usage{input_tokens, output_tokens}</c>).</summary>
    public MemoryStream? Body { get; set; }

    /// <summary>The MIME type of <see cref="Body"/>: <c>application/json</c>.</summary>
    public string? ContentType { get; set; }
}
