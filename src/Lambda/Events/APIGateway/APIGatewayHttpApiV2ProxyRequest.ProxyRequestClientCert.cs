#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>A client certificate presented over mutual TLS.</summary>
    public class ProxyRequestClientCert
    {
        /// <summary>The certificate in PEM format.</summary>
        public string ClientCertPem { get; set; }

        /// <summary>The subject's distinguished name.</summary>
        public string SubjectDN { get; set; }

        /// <summary>The issuer's distinguished name.</summary>
        public string IssuerDN { get; set; }

        /// <summary>The certificate's serial number.</summary>
        public string SerialNumber { get; set; }

        /// <summary>The certificate's validity period.</summary>
        public ClientCertValidity Validity { get; set; }
    }
}
