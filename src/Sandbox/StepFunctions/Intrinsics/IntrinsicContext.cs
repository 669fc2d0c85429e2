namespace Course.Sandbox.StepFunctions.Intrinsics;

/// <summary>What intrinsics need beyond their arguments: the seeded random source for MathRandom and UUID.</summary>
internal sealed class IntrinsicContext(Random random)
{
    /// <summary>The simulation's seeded random source.</summary>
    public Random Random { get; } = random;

    /// <summary>A version-4 UUID drawn from <see cref="Random"/>.</summary>
    public string NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
