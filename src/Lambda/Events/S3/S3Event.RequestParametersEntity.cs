#nullable disable

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>The request parameters of an S3 record.</summary>
    public class RequestParametersEntity
    {
        /// <summary>The IP address the request came from.</summary>
        public string SourceIPAddress { get; set; }
    }
}
