namespace Course.Sandbox.Tests.Services.EventBridge;

/// <summary>A test clock that stands still until moved.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
