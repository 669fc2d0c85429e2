#nullable disable

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>The object of an S3 record.</summary>
    public class S3ObjectEntity
    {
        /// <summary>The object key, URL-encoded (spaces as <c>+</c>).</summary>
        public string Key { get; set; }

        /// <summary>The object size in bytes.</summary>
        public long Size { get; set; }

        /// <summary>The object's ETag.</summary>
        public string ETag { get; set; }

        /// <summary>The version id, for versioned buckets.</summary>
        public string VersionId { get; set; }

        /// <summary>A string that orders events for the same key.</summary>
        public string Sequencer { get; set; }
    }
}
