#nullable disable

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>The bucket of an S3 record.</summary>
    public class S3BucketEntity
    {
        /// <summary>The bucket name.</summary>
        public string Name { get; set; }

        /// <summary>The bucket owner.</summary>
        public UserIdentityEntity OwnerIdentity { get; set; }

        /// <summary>The bucket ARN.</summary>
        public string Arn { get; set; }
    }
}
