#nullable disable

namespace Course.Lambda.SQSEvents;

public partial class SQSEvent
{
    /// <summary>A message attribute of an SQS message.</summary>
    public class MessageAttribute
    {
        /// <summary>The string value, for String and Number attributes.</summary>
        public string StringValue { get; set; }

        /// <summary>The binary value, for Binary attributes (base64 in JSON).</summary>
        public MemoryStream BinaryValue { get; set; }

        /// <summary>Reserved list of string values.</summary>
        public List<string> StringListValues { get; set; }

        /// <summary>Reserved list of binary values.</summary>
        public List<MemoryStream> BinaryListValues { get; set; }

        /// <summary>The data type: <c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix.</summary>
        public string DataType { get; set; }
    }
}
