using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Sandbox.Services.S3;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (what the AWS SDK sends for streaming uploads, signed or unsigned, with or without
/// trailing checksums): <c>hex-size[;chunk-signature=…]\r\n data \r\n</c> … <c>0[;…]\r\n</c>, then trailer lines
/// <c>name:value\r\n</c> and an empty line.
/// </summary>
internal static class AwsChunkedDecoder
{
    public static (byte[] Payload, Dictionary<string, string> Trailers) Decode(byte[] body)
    {
        using var payload = new MemoryStream();
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (true)
        {
            var line = ReadLine(body, ref position) ?? throw Malformed("a chunk header is missing");
            var sizeText = line.Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw Malformed($"'{sizeText}' is not a hexadecimal chunk size");
            }

            if (size == 0)
            {
                break;
            }

            if (position + size > body.Length)
            {
                throw Malformed("a chunk is shorter than its declared size");
            }

            payload.Write(body, position, size);
            position += size;
            if (ReadLine(body, ref position) is not "")
            {
                throw Malformed("a chunk does not end with CRLF");
            }
        }

        while (ReadLine(body, ref position) is { Length: > 0 } trailer)
        {
            var colon = trailer.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                trailers[trailer[..colon].Trim()] = trailer[(colon + 1)..].Trim();
            }
        }

        return (payload.ToArray(), trailers);
    }

    private static string? ReadLine(byte[] body, ref int position)
    {
        if (position >= body.Length)
        {
            return null;
        }

        var start = position;
        var index = Array.IndexOf(body, (byte)'\n', start);
        if (index < 0)
        {
            position = body.Length;
            return Encoding.ASCII.GetString(body, start, body.Length - start).TrimEnd('\r');
        }

        position = index + 1;
        return Encoding.ASCII.GetString(body, start, index - start).TrimEnd('\r');
    }

    private static S3Exception Malformed(string what) =>
        new("IncompleteBody", "The aws-chunked request body is malformed: " + what + ".", HttpStatusCode.BadRequest);
}
