// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>A message attribute (mirrors <c>Amazon.SimpleNotificationService.Model.MessageAttributeValue</c>).</summary>
public sealed class MessageAttributeValue
{
    /// <summary><c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>. Required.</summary>
    public string DataType { get; set; }

    /// <summary>The value of a string or number attribute.</summary>
    public string StringValue { get; set; }

    /// <summary>The value of a <c>Binary</c> attribute.</summary>
    public MemoryStream BinaryValue { get; set; }
}
