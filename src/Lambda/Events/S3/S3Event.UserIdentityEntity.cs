#nullable disable

namespace Course.Lambda.S3Events;

public partial class S3Event
{
    /// <summary>An identity in an S3 record.</summary>
    public class UserIdentityEntity
    {
        /// <summary>The principal id.</summary>
        public string PrincipalId { get; set; }
    }
}
