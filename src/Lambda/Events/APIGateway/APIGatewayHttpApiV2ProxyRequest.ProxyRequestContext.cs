#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>The request context: account, API, route, stage, HTTP details, authorizer output.</summary>
    public class ProxyRequestContext
    {
        /// <summary>The AWS account id that owns the API.</summary>
        public string AccountId { get; set; }

        /// <summary>The API id.</summary>
        public string ApiId { get; set; }

        /// <summary>The output of the authorizer, when the route has one.</summary>
        public AuthorizerDescription Authorizer { get; set; }

        /// <summary>Mutual TLS details, when the domain uses mutual TLS.</summary>
        public ProxyRequestAuthentication Authentication { get; set; }

        /// <summary>The domain name the client called.</summary>
        public string DomainName { get; set; }

        /// <summary>The first label of <see cref="DomainName"/>.</summary>
        public string DomainPrefix { get; set; }

        /// <summary>The HTTP method, path, protocol, source IP and user agent.</summary>
        public HttpDescription Http { get; set; }

        /// <summary>The API Gateway request id.</summary>
        public string RequestId { get; set; }

        /// <summary>The route id.</summary>
        public string RouteId { get; set; }

        /// <summary>The route key that matched.</summary>
        public string RouteKey { get; set; }

        /// <summary>The stage name.</summary>
        public string Stage { get; set; }

        /// <summary>The request time in CLF format, such as <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
        public string Time { get; set; }

        /// <summary>The request time in epoch milliseconds.</summary>
        public long TimeEpoch { get; set; }
    }
}
