#nullable disable

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>The S3 part of a record: bucket, object and configuration.</summary>
    public class S3Entity
    {
        /// <summary>The S3 schema version, <c>1.0</c>.</summary>
        public string S3SchemaVersion { get; set; }

        /// <summary>The id of the notification configuration that matched.</summary>
        public string ConfigurationId { get; set; }

        /// <summary>The bucket.</summary>
        public S3BucketEntity Bucket { get; set; }

        /// <summary>The object.</summary>
        public S3ObjectEntity Object { get; set; }
    }
}
