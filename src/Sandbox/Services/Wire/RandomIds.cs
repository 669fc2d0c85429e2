using System.Globalization;

namespace Course.Sandbox.Services.Wire;

/// <summary>
/// Identifiers drawn from the simulation's seeded <see cref="Random"/> (never <c>Guid.NewGuid()</c>). Each draw locks
/// the <see cref="Random"/> instance itself, so services sharing the simulation's one instance never corrupt it.
/// </summary>
internal static class RandomIds
{
    /// <summary>A version-4-shaped GUID string from <paramref name="random"/>, e.g. <c>5fea7756-0ea4-451a-a703-a558b933e274</c>.</summary>
    public static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    /// <summary>An upper-case hexadecimal string of <paramref name="byteCount"/> random bytes.</summary>
    public static string Hex(Random random, int byteCount)
    {
        var bytes = new byte[byteCount];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        return Convert.ToHexString(bytes);
    }

    /// <summary>A base64 string of <paramref name="byteCount"/> random bytes.</summary>
    public static string Base64(Random random, int byteCount)
    {
        var bytes = new byte[byteCount];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        return Convert.ToBase64String(bytes);
    }
}
