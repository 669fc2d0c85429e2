namespace Course.Sandbox.Services.Sns;

/// <summary>A message attribute as SNS takes it: a data type (<c>String</c>, <c>String.Array</c>, <c>Number</c>,
/// <c>Binary</c>) and one value.</summary>
/// <param name="DataType">The data type.</param>
/// <param name="StringValue">The value for string and number types.</param>
/// <param name="BinaryValue">The value for <c>Binary</c>.</param>
public sealed record SnsMessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue = null)
{
    /// <summary>The value as the envelope's <c>MessageAttributes</c> carry it (binary as base64).</summary>
    public string EnvelopeValue => DataType == "Binary" ? Convert.ToBase64String(BinaryValue ?? []) : StringValue ?? string.Empty;
}
