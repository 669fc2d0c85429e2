using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// A distributed Map's <c>ItemReader</c>: where the dataset is (an Amazon S3 object read with
/// <c>arn:aws:states:::s3:getObject</c>, or the objects under a prefix listed with
/// <c>arn:aws:states:::s3:listObjectsV2</c>) and how to read it (<c>ReaderConfig</c>).
/// </summary>
public sealed record ItemReaderDefinition
{
    /// <summary>The S3 action: <c>getObject</c> or <c>listObjectsV2</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The <c>Parameters</c> template (Bucket, Key or Prefix; <c>.$</c> keys allowed).</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary><c>ReaderConfig.InputType</c>: <c>CSV</c>, <c>JSON</c> or <c>JSONL</c> (null for listObjectsV2).</summary>
    public string? InputType { get; init; }

    /// <summary><c>ReaderConfig.CSVHeaderLocation</c>: <c>FIRST_ROW</c> or <c>GIVEN</c>.</summary>
    public string? CsvHeaderLocation { get; init; }

    /// <summary><c>ReaderConfig.CSVHeaders</c> when the location is <c>GIVEN</c>.</summary>
    public IReadOnlyList<string> CsvHeaders { get; init; } = [];

    /// <summary><c>ReaderConfig.CSVDelimiter</c> as a character (default comma).</summary>
    public char CsvDelimiter { get; init; } = ',';

    /// <summary><c>ReaderConfig.MaxItems</c>: read at most this many items (null = all).</summary>
    public long? MaxItems { get; init; }

    /// <summary><c>ReaderConfig.MaxItemsPath</c>: a reference path to the limit in the state input.</summary>
    public string? MaxItemsPath { get; init; }
}
