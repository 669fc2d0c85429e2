#nullable disable

namespace Course.Lambda.APIGatewayEvents;

/// <summary>
/// What a function returns to an API Gateway HTTP API (payload format 2.0) or a function URL,
/// mirroring <c>Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyResponse</c>.
/// </summary>
public class APIGatewayHttpApiV2ProxyResponse
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>The response headers.</summary>
    public IDictionary<string, string> Headers { get; set; }

    /// <summary>Cookies to set, one <c>Set-Cookie</c> value each.</summary>
    public string[] Cookies { get; set; }

    /// <summary>The response body, base64-encoded when <see cref="IsBase64Encoded"/> is true.</summary>
    public string Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64-encoded.</summary>
    public bool IsBase64Encoded { get; set; }

    /// <summary>Sets a header; with <paramref name="append"/> adds <paramref name="value"/> to an existing value, comma-separated.</summary>
    /// <param name="headerName">The header name.</param>
    /// <param name="value">The value to set or append.</param>
    /// <param name="append">True to append to an existing value instead of replacing it.</param>
    public void SetHeaderValues(string headerName, string value, bool append)
    {
        Headers ??= new Dictionary<string, string>();
        Headers[headerName] = append && Headers.TryGetValue(headerName, out var existing) && !string.IsNullOrEmpty(existing)
            ? existing + "," + value
            : value;
    }

    /// <summary>Sets a header to several values, comma-separated; with <paramref name="append"/> keeps existing values.</summary>
    /// <param name="headerName">The header name.</param>
    /// <param name="values">The values.</param>
    /// <param name="append">True to append to an existing value instead of replacing it.</param>
    public void SetHeaderValues(string headerName, IEnumerable<string> values, bool append) =>
        SetHeaderValues(headerName, string.Join(",", values), append);
}
