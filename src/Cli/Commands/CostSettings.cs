namespace Course.Cli.Commands;

/// <summary>The parsed options of one <c>course cost</c> command.</summary>
/// <param name="Requests">Requests a month.</param>
/// <param name="DurationMs">Average duration per request, ms (billed rounded up to 1 ms).</param>
/// <param name="MemoryMB">Function memory, MB.</param>
/// <param name="Architecture"><c>x86_64</c> or <c>arm64</c>.</param>
/// <param name="NoFreeTier">Leave Lambda's monthly free tier out.</param>
/// <param name="Format"><c>text</c> or <c>json</c>.</param>
internal sealed record CostSettings(long Requests, double DurationMs, int MemoryMB, string Architecture = "x86_64", bool NoFreeTier = false, string Format = "text");
