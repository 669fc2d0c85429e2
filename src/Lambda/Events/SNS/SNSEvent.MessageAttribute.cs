#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SNSEvents;

public partial class SNSEvent
{
    /// <summary>A message attribute of an SNS notification.</summary>
    public class MessageAttribute
    {
        /// <summary>The data type: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
        [JsonPropertyName("Type")]
        public string Type { get; set; }

        /// <summary>The value (base64 for Binary).</summary>
        [JsonPropertyName("Value")]
        public string Value { get; set; }
    }
}
