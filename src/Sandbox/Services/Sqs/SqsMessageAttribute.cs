namespace Course.Sandbox.Services.Sqs;

/// <summary>A message attribute as SQS stores it: a data type (<c>String</c>, <c>Number</c>, <c>Binary</c>,
/// optionally with a custom suffix such as <c>String.json</c>) and one value.</summary>
/// <param name="DataType">The data type, e.g. <c>String</c>.</param>
/// <param name="StringValue">The value for <c>String</c> and <c>Number</c> types; null for <c>Binary</c>.</param>
/// <param name="BinaryValue">The value for <c>Binary</c> types; null otherwise.</param>
public sealed record SqsMessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue = null)
{
    /// <summary>A <c>String</c> attribute.</summary>
    /// <param name="value">The value.</param>
    public static SqsMessageAttribute String(string value) => new("String", value);

    /// <summary>A <c>Number</c> attribute (SQS keeps numbers as strings).</summary>
    /// <param name="value">The value.</param>
    public static SqsMessageAttribute Number(string value) => new("Number", value);

    internal bool IsBinary => DataType.StartsWith("Binary", StringComparison.Ordinal);
}
