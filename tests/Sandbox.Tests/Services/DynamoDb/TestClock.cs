namespace Course.Sandbox.Tests.Services.DynamoDb;

/// <summary>A clock the test moves by hand (starts 2026-01-01T00:00:00Z, like the simulation).</summary>
internal sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
