namespace Course.Sandbox.Pricing;

/// <summary>A model's price per million tokens.</summary>
/// <param name="InputPerMillion">USD per million input tokens.</param>
/// <param name="OutputPerMillion">USD per million output tokens.</param>
public sealed record TokenPrice(decimal InputPerMillion, decimal OutputPerMillion);
