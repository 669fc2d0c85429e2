#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>What the route's authorizer produced: JWT claims, IAM identity or a Lambda authorizer's context.</summary>
    public class AuthorizerDescription
    {
        /// <summary>The JWT authorizer's claims and scopes.</summary>
        public JwtDescription Jwt { get; set; }

        /// <summary>The IAM identity of the caller, for routes with IAM authorization.</summary>
        [JsonPropertyName("iam")]
        public IAMDescription IAM { get; set; }

        /// <summary>The context returned by a Lambda authorizer.</summary>
        public IDictionary<string, object> Lambda { get; set; }

        /// <summary>The claims and scopes of a JWT authorizer.</summary>
        public class JwtDescription
        {
            /// <summary>The token's claims.</summary>
            public IDictionary<string, string> Claims { get; set; }

            /// <summary>The token's scopes.</summary>
            public string[] Scopes { get; set; }
        }

        /// <summary>The IAM identity of the caller.</summary>
        public class IAMDescription
        {
            /// <summary>The access key id of the caller.</summary>
            public string AccessKey { get; set; }

            /// <summary>The account id of the caller.</summary>
            public string AccountId { get; set; }

            /// <summary>The principal id of the caller.</summary>
            public string CallerId { get; set; }

            /// <summary>The Cognito identity, when the caller used Cognito credentials.</summary>
            public CognitoIdentityDescription CognitoIdentity { get; set; }

            /// <summary>The AWS Organizations id of the caller.</summary>
            public string PrincipalOrgId { get; set; }

            /// <summary>The ARN of the caller.</summary>
            [JsonPropertyName("userArn")]
            public string UserARN { get; set; }

            /// <summary>The user id of the caller.</summary>
            public string UserId { get; set; }
        }

        /// <summary>The Cognito identity of an IAM caller.</summary>
        public class CognitoIdentityDescription
        {
            /// <summary>The authentication methods references.</summary>
            [JsonPropertyName("amr")]
            public IList<string> AMR { get; set; }

            /// <summary>The Cognito identity id.</summary>
            public string IdentityId { get; set; }

            /// <summary>The Cognito identity pool id.</summary>
            public string IdentityPoolId { get; set; }
        }
    }
}
