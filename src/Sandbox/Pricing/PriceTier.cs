namespace Course.Sandbox.Pricing;

/// <summary>A price that applies to the next <paramref name="Size"/> units of monthly usage.</summary>
/// <param name="Size">Units in this tier (<see cref="decimal.MaxValue"/> for the last).</param>
/// <param name="UnitPrice">USD per unit.</param>
public sealed record PriceTier(decimal Size, decimal UnitPrice);
