using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary><c>cidr</c>: a string value that is an IPv4 or IPv6 address inside the block.</summary>
internal sealed class CidrMatcher : ValueMatcher
{
    private readonly byte[] _network;
    private readonly int _prefixLength;
    private readonly AddressFamily _family;

    private CidrMatcher(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        _prefixLength = prefixLength;
        _family = family;
    }

    /// <summary>Parses <c>address/length</c>; returns null with <paramref name="error"/> set when it is malformed.</summary>
    public static CidrMatcher? Parse(string cidr, out string? error)
    {
        error = null;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var address) ||
            !int.TryParse(cidr[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
        {
            error = $"Malformed CIDR, expected address/prefix-length such as 10.0.0.0/24 or 2001:db8::/32, got \"{cidr}\"";
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (length > bytes.Length * 8)
        {
            error = $"Malformed CIDR \"{cidr}\": prefix length {length} exceeds {bytes.Length * 8} bits";
            return null;
        }

        return new CidrMatcher(bytes, length, address.AddressFamily);
    }

    public override bool Matches(JsonElement leaf)
    {
        if (leaf.ValueKind != JsonValueKind.String || !IPAddress.TryParse(leaf.GetString(), out var address) ||
            address.AddressFamily != _family)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var remaining = _prefixLength;
        for (var i = 0; remaining > 0; i++, remaining -= 8)
        {
            var mask = remaining >= 8 ? 0xFF : (byte)(0xFF << (8 - remaining));
            if ((bytes[i] & mask) != (_network[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
