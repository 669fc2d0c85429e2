using Course.Sandbox.Time;

namespace Course.Sandbox.StepFunctions.Intrinsics;

/// <summary>What intrinsics need beyond their arguments: the seeded random source for MathRandom and UUID.</summary>
internal sealed class IntrinsicContext(Random random)
{
    private readonly SeededIds _ids = new(random);

    /// <summary>The simulation's seeded random source.</summary>
    public Random Random { get; } = random;

    /// <summary>A version-4 UUID drawn from <see cref="Random"/>.</summary>
    public string NewUuid() => _ids.Uuid();
}
