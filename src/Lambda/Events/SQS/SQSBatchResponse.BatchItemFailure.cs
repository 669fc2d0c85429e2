#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.SQSEvents;

public partial class SQSBatchResponse
{
    /// <summary>One failed message.</summary>
    public class BatchItemFailure
    {
        /// <summary>The message id of the failed message.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string ItemIdentifier { get; set; }
    }
}
