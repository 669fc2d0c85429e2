#nullable disable

namespace Course.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>The identity that made a change (set for Time to Live deletions).</summary>
    public class Identity
    {
        /// <summary>The principal id, <c>dynamodb.amazonaws.com</c> for Time to Live.</summary>
        public string PrincipalId { get; set; }

        /// <summary>The identity type, <c>Service</c> for Time to Live.</summary>
        public string Type { get; set; }
    }
}
