using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// A distributed Map's <c>ResultWriter</c> (<c>arn:aws:states:::s3:putObject</c>): the child executions' results go
/// to Amazon S3 under <c>&lt;Prefix&gt;/&lt;map run id&gt;/</c> (a manifest.json and SUCCEEDED_/FAILED_ files)
/// instead of into the state's output.
/// </summary>
public sealed record ResultWriterDefinition
{
    /// <summary>The <c>Parameters</c> template (Bucket and Prefix; <c>.$</c> keys allowed).</summary>
    public JsonNode? Parameters { get; init; }
}
