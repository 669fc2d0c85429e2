using System.Globalization;
using System.Text;

namespace Course.Sandbox.Events.Generate;

/// <summary>AWS-looking identifiers drawn from a seeded <see cref="Random"/> (same seed, same ids).</summary>
internal static class RandomIds
{
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A version-4 UUID such as <c>6a7e8feb-b491-4cf7-a9f1-bf3703467718</c>.</summary>
    public static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary><paramref name="length"/> hexadecimal digits.</summary>
    public static string Hex(Random random, int length, bool upper = false)
    {
        var bytes = new byte[(length + 1) / 2];
        random.NextBytes(bytes);
        var hex = upper ? Convert.ToHexString(bytes) : Convert.ToHexStringLower(bytes);
        return hex[..length];
    }

    /// <summary><paramref name="length"/> decimal digits, the first non-zero.</summary>
    public static string Digits(Random random, int length)
    {
        var builder = new StringBuilder(length);
        builder.Append((char)('1' + random.Next(9)));
        for (var i = 1; i < length; i++)
        {
            builder.Append((char)('0' + random.Next(10)));
        }

        return builder.ToString();
    }

    /// <summary><paramref name="length"/> characters of the base64 alphabet.</summary>
    public static string Base64Chars(Random random, int length) => Pick(random, Base64Alphabet, length);

    /// <summary><paramref name="length"/> lower-case letters and digits (API ids).</summary>
    public static string LowerAlnum(Random random, int length) => Pick(random, LowerAlphanumeric, length);

    /// <summary>A client address from the documentation range 198.51.100.0/24.</summary>
    public static string SourceIp(Random random) => string.Create(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(1, 255)}");

    private static string Pick(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
