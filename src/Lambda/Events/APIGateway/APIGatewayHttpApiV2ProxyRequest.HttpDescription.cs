#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>HTTP details of the request.</summary>
    public class HttpDescription
    {
        /// <summary>The HTTP method, such as <c>GET</c>.</summary>
        public string Method { get; set; }

        /// <summary>The request path.</summary>
        public string Path { get; set; }

        /// <summary>The protocol, such as <c>HTTP/1.1</c>.</summary>
        public string Protocol { get; set; }

        /// <summary>The client's IP address.</summary>
        public string SourceIp { get; set; }

        /// <summary>The client's User-Agent header.</summary>
        public string UserAgent { get; set; }
    }
}
