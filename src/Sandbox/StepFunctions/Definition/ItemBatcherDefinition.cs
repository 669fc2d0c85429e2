using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// A distributed Map's <c>ItemBatcher</c>: items are grouped so that one child workflow execution receives
/// <c>{"BatchInput": …, "Items": [ … ]}</c> holding at most <see cref="MaxItemsPerBatch"/> items and at most
/// <see cref="MaxInputBytesPerBatch"/> bytes of input.
/// </summary>
public sealed record ItemBatcherDefinition
{
    /// <summary>The most items in one batch (null = no item limit).</summary>
    public long? MaxItemsPerBatch { get; init; }

    /// <summary>A reference path to the item limit in the state input.</summary>
    public string? MaxItemsPerBatchPath { get; init; }

    /// <summary>The most bytes of input one batch may hold (null = only the 256 KiB payload quota).</summary>
    public long? MaxInputBytesPerBatch { get; init; }

    /// <summary>A reference path to the byte limit in the state input.</summary>
    public string? MaxInputBytesPerBatchPath { get; init; }

    /// <summary>The <c>BatchInput</c> template added to every batch (<c>.$</c> keys allowed), or null.</summary>
    public JsonNode? BatchInput { get; init; }
}
