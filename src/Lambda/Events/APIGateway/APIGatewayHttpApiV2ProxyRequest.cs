#nullable disable
using System.Text.Json.Serialization;

namespace Course.Lambda.APIGatewayEvents;

/// <summary>
/// The event an API Gateway HTTP API (payload format 2.0) or a Lambda function URL sends to the function,
/// mirroring <c>Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest</c>.
/// </summary>
public partial class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>The payload format version, <c>"2.0"</c>.</summary>
    public string Version { get; set; }

    /// <summary>The route key, such as <c>"GET /items"</c> or <c>"$default"</c>.</summary>
    public string RouteKey { get; set; }

    /// <summary>The request path as the client sent it.</summary>
    public string RawPath { get; set; }

    /// <summary>The query string as the client sent it, without the leading <c>?</c>.</summary>
    public string RawQueryString { get; set; }

    /// <summary>The cookies of the request, one string per cookie.</summary>
    public string[] Cookies { get; set; }

    /// <summary>The request headers; repeated headers are joined with commas.</summary>
    public IDictionary<string, string> Headers { get; set; }

    /// <summary>The query string parameters; repeated parameters are joined with commas.</summary>
    public IDictionary<string, string> QueryStringParameters { get; set; }

    /// <summary>Details of the request gathered by API Gateway.</summary>
    public ProxyRequestContext RequestContext { get; set; }

    /// <summary>The request body, base64-encoded when <see cref="IsBase64Encoded"/> is true.</summary>
    public string Body { get; set; }

    /// <summary>The path parameters matched by the route.</summary>
    public IDictionary<string, string> PathParameters { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64-encoded.</summary>
    public bool IsBase64Encoded { get; set; }

    /// <summary>The stage variables of the stage that received the request.</summary>
    public IDictionary<string, string> StageVariables { get; set; }
}
