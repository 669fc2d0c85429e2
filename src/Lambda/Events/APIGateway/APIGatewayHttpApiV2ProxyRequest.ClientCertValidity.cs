#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>The validity period of a client certificate.</summary>
    public class ClientCertValidity
    {
        /// <summary>The start of validity, such as <c>Aug 29 00:28:21 2020 GMT</c>.</summary>
        public string NotBefore { get; set; }

        /// <summary>The end of validity.</summary>
        public string NotAfter { get; set; }
    }
}
