#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>The response elements of an S3 record.</summary>
    public class ResponseElementsEntity
    {
        /// <summary>The <c>x-amz-id-2</c> host id.</summary>
        [JsonPropertyName("x-amz-id-2")]
        public string XAmzId2 { get; set; }

        /// <summary>The <c>x-amz-request-id</c> request id.</summary>
        [JsonPropertyName("x-amz-request-id")]
        public string XAmzRequestId { get; set; }
    }
}
