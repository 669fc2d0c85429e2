#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>A DynamoDB attribute value: exactly one member is set, named after its data type.</summary>
    public class AttributeValue
    {
        /// <summary>A string, <c>"S": "Hello"</c>.</summary>
        [JsonPropertyName("S")]
        public string S { get; set; }

        /// <summary>A number, as a string: <c>"N": "123.45"</c>.</summary>
        [JsonPropertyName("N")]
        public string N { get; set; }

        /// <summary>Binary data, base64 in JSON: <c>"B": "dGV4dA=="</c>.</summary>
        [JsonPropertyName("B")]
        public MemoryStream B { get; set; }

        /// <summary>A string set.</summary>
        [JsonPropertyName("SS")]
        public List<string> SS { get; set; }

        /// <summary>A number set, numbers as strings.</summary>
        [JsonPropertyName("NS")]
        public List<string> NS { get; set; }

        /// <summary>A binary set.</summary>
        [JsonPropertyName("BS")]
        public List<MemoryStream> BS { get; set; }

        /// <summary>A map of attribute values.</summary>
        [JsonPropertyName("M")]
        public Dictionary<string, AttributeValue> M { get; set; }

        /// <summary>A list of attribute values.</summary>
        [JsonPropertyName("L")]
        public List<AttributeValue> L { get; set; }

        /// <summary>A null; <c>"NULL": true</c>.</summary>
        [JsonPropertyName("NULL")]
        public bool? NULL { get; set; }

        /// <summary>A Boolean.</summary>
        [JsonPropertyName("BOOL")]
        public bool? BOOL { get; set; }
    }
}
