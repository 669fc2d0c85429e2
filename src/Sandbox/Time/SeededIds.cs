using System.Globalization;

namespace Course.Sandbox.Time;

/// <summary>
/// The engine's one source of identifiers: request ids, message ids, receipt-handle filler, event ids, API and
/// model message ids, task tokens, physical resource ids. Every id is drawn from a seeded <see cref="System.Random"/>
/// (never <c>Guid.NewGuid()</c>), so the same seed gives the same ids. The simulation's source is
/// <see cref="Simulation.Ids"/>; a service built on its own (for tests or the <c>events</c> verb) wraps the
/// <see cref="System.Random"/> it is given.
/// </summary>
/// <remarks>
/// The locking rule: every draw locks the <see cref="System.Random"/> instance itself, because a
/// <see cref="System.Random"/> is not thread-safe and SDK calls from handler code can reach the services on another
/// thread than the simulation's. Several <see cref="SeededIds"/> over one instance therefore share one lock, and a
/// draw made elsewhere on that instance is safe when it locks it too (<see cref="Fraction"/> does).
/// </remarks>
public sealed class SeededIds
{
    /// <summary>The 64 characters of base64, in order.</summary>
    public const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Lower-case letters and digits (API Gateway API ids).</summary>
    public const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Digits, upper- then lower-case letters (Bedrock message ids).</summary>
    public const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Letters, digits and <c>-</c> (API Gateway request ids).</summary>
    public const string RequestIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";

    /// <summary>Creates an id source drawing from <paramref name="random"/>.</summary>
    /// <param name="random">The seeded random source; shared instances share the lock.</param>
    public SeededIds(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Random = random;
    }

    /// <summary>The random source the ids are drawn from (lock it for any other draw).</summary>
    public Random Random { get; }

    /// <summary>
    /// A version-4 GUID read in .NET's <see cref="System.Guid"/> byte order, e.g. <c>5fea7756-0ea4-451a-a703-a558b933e274</c>:
    /// Lambda request ids, SQS and SNS message ids, event source mapping UUIDs.
    /// </summary>
    /// <returns>The GUID in its <c>D</c> format.</returns>
    public string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (Random)
        {
            Random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A version-4 UUID written in the drawn bytes' order (RFC 9562), e.g. <c>6a7e8feb-b491-4cf7-a9f1-bf3703467718</c>:
    /// EventBridge event ids, generated sample events, <c>States.UUID</c>. It differs from <see cref="Guid"/> only in
    /// which drawn byte carries the version; both shapes stay so that a seed keeps giving the ids it always gave.
    /// </summary>
    /// <returns>The UUID, lower case.</returns>
    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (Random)
        {
            Random.NextBytes(bytes);
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary><paramref name="length"/> hexadecimal digits drawn from ⌈length / 2⌉ random bytes.</summary>
    /// <param name="length">How many digits.</param>
    /// <param name="upper">Upper-case digits instead of lower-case.</param>
    /// <returns>The digits.</returns>
    public string Hex(int length, bool upper = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = new byte[(length + 1) / 2];
        lock (Random)
        {
            Random.NextBytes(bytes);
        }

        var hex = upper ? Convert.ToHexString(bytes) : Convert.ToHexStringLower(bytes);
        return hex[..length];
    }

    /// <summary>The base64 encoding of <paramref name="byteCount"/> random bytes.</summary>
    /// <param name="byteCount">How many bytes to draw.</param>
    /// <returns>The base64 text.</returns>
    public string Base64(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        var bytes = new byte[byteCount];
        lock (Random)
        {
            Random.NextBytes(bytes);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary><paramref name="length"/> characters picked from <paramref name="alphabet"/>, one draw each.</summary>
    /// <param name="alphabet">The characters to pick from, e.g. <see cref="Base64Alphabet"/>.</param>
    /// <param name="length">How many characters.</param>
    /// <returns>The picked characters.</returns>
    public string Pick(string alphabet, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var chars = new char[length];
        lock (Random)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[Random.Next(alphabet.Length)];
            }
        }

        return new string(chars);
    }

    /// <summary>A client address from the documentation range 198.51.100.0/24 (RFC 5737).</summary>
    /// <returns>The address, e.g. <c>198.51.100.23</c>.</returns>
    public string SourceIp() => string.Create(CultureInfo.InvariantCulture, $"198.51.100.{Between(1, 255)}");

    /// <summary>An integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>), under the lock.</summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    /// <returns>The integer.</returns>
    public int Between(int minValue, int maxValue)
    {
        lock (Random)
        {
            return Random.Next(minValue, maxValue);
        }
    }

    /// <summary>A fraction in [0, 1), under the lock: for the seeded rates and jitters drawn beside the ids.</summary>
    /// <returns>The fraction.</returns>
    public double Fraction()
    {
        lock (Random)
        {
            return Random.NextDouble();
        }
    }
}
