#nullable disable

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>One S3 notification record.</summary>
    public class S3EventNotificationRecord
    {
        /// <summary>The event version, such as <c>2.1</c>.</summary>
        public string EventVersion { get; set; }

        /// <summary>The event source, <c>aws:s3</c>.</summary>
        public string EventSource { get; set; }

        /// <summary>The region of the bucket.</summary>
        public string AwsRegion { get; set; }

        /// <summary>When S3 finished processing the request (UTC).</summary>
        public DateTime EventTime { get; set; }

        /// <summary>The event name, such as <c>ObjectCreated:Put</c>.</summary>
        public string EventName { get; set; }

        /// <summary>The principal that caused the event.</summary>
        public UserIdentityEntity UserIdentity { get; set; }

        /// <summary>The request parameters.</summary>
        public RequestParametersEntity RequestParameters { get; set; }

        /// <summary>The response elements (request ids).</summary>
        public ResponseElementsEntity ResponseElements { get; set; }

        /// <summary>The bucket and object the event is about.</summary>
        public S3Entity S3 { get; set; }
    }
}
