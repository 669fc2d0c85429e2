#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>Mutual TLS authentication details.</summary>
    public class ProxyRequestAuthentication
    {
        /// <summary>The client certificate presented by the caller.</summary>
        public ProxyRequestClientCert ClientCert { get; set; }
    }
}
