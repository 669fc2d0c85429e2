using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Course.Sandbox.Services.Sqs;

/// <summary>The digests SQS returns and the AWS SDK checks (its MD5 validation rejects a wrong one).</summary>
internal static class SqsMd5
{
    public static string OfBody(string body) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>SQS's encoding: attributes sorted by name; for each, length-prefixed (4 bytes big-endian) name,
    /// data type, then a transport byte (1 string/number, 2 binary) and the length-prefixed value.</summary>
    public static string? OfAttributes(IReadOnlyDictionary<string, SqsMessageAttribute> attributes)
    {
        if (attributes.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        foreach (var (name, attribute) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Write(buffer, Encoding.UTF8.GetBytes(name));
            Write(buffer, Encoding.UTF8.GetBytes(attribute.DataType));
            if (attribute.IsBinary)
            {
                buffer.WriteByte(2);
                Write(buffer, attribute.BinaryValue ?? []);
            }
            else
            {
                buffer.WriteByte(1);
                Write(buffer, Encoding.UTF8.GetBytes(attribute.StringValue ?? string.Empty));
            }
        }

        return Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
    }

    private static void Write(MemoryStream buffer, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
