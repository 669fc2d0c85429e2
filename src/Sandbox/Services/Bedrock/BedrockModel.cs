namespace Course.Sandbox.Services.Bedrock;

/// <summary>
/// One model the sandbox Bedrock serves, with its limits, modelled latency and on-demand quotas. The quotas are the
/// course's defaults, not AWS's: AWS sets them per account and region (Service Quotas, "On-demand model inference
/// requests/tokens per minute") and they are often lower for new accounts. The latency figures are in the range
/// public benchmarks report for these models; AWS publishes no latency commitment.
/// </summary>
public sealed record BedrockModel
{
    /// <summary>Claude Haiku 4.5's model id.</summary>
    public const string ClaudeHaiku45Id = "anthropic.claude-haiku-4-5-20251001-v1:0";

    /// <summary>Claude Sonnet 4.5's model id.</summary>
    public const string ClaudeSonnet45Id = "anthropic.claude-sonnet-4-5-20250929-v1:0";

    /// <summary>
    /// Models past their end of life on Bedrock, with the date (AWS's model cards): a call answers
    /// <c>ResourceNotFoundException</c> ("This model version has reached the end of its life."). Claude 3.5 Haiku
    /// reached it on 2026-06-19; Claude 3 Haiku on 2026-09-10 in most Regions.
    /// </summary>
    public static IReadOnlyDictionary<string, DateOnly> EndOfLife { get; } = new Dictionary<string, DateOnly>(StringComparer.Ordinal)
    {
        ["anthropic.claude-3-5-haiku-20241022-v1:0"] = new(2026, 6, 19),
        ["anthropic.claude-3-haiku-20240307-v1:0"] = new(2026, 9, 10),
    };

    /// <summary>
    /// Claude Haiku 4.5: 64,000 output tokens at most, priced under <c>anthropic.claude-haiku-4-5</c>. As on AWS it is
    /// served through a cross-region inference profile only: call it as <c>us.anthropic.claude-haiku-4-5-20251001-v1:0</c>
    /// (or <c>global.</c>, <c>eu.</c>, <c>apac.</c>).
    /// </summary>
    public static BedrockModel ClaudeHaiku45 { get; } = new()
    {
        ModelId = ClaudeHaiku45Id,
        PriceKey = "anthropic.claude-haiku-4-5",
        AnthropicModelName = "claude-haiku-4-5-20251001",
        MaxOutputTokens = 64_000,
        TimeToFirstToken = TimeSpan.FromMilliseconds(500),
        PerOutputToken = TimeSpan.FromMilliseconds(10),
        RequiresInferenceProfile = true,
    };

    /// <summary>
    /// Claude Sonnet 4.5: 64,000 output tokens at most, priced under <c>anthropic.claude-sonnet-4-5</c>; like Haiku 4.5
    /// it is served through a cross-region inference profile only (<c>us.</c>, <c>eu.</c>, <c>apac.</c>, <c>global.</c>).
    /// </summary>
    public static BedrockModel ClaudeSonnet45 { get; } = new()
    {
        ModelId = ClaudeSonnet45Id,
        PriceKey = "anthropic.claude-sonnet-4-5",
        AnthropicModelName = "claude-sonnet-4-5-20250929",
        MaxOutputTokens = 64_000,
        TimeToFirstToken = TimeSpan.FromMilliseconds(800),
        PerOutputToken = TimeSpan.FromMilliseconds(15),
        RequiresInferenceProfile = true,
    };

    /// <summary>The base model id, e.g. <c>anthropic.claude-haiku-4-5-20251001-v1:0</c>.</summary>
    public required string ModelId { get; init; }

    /// <summary>The model's key in <c>PriceSheet.Bedrock</c>, used to cost its usage.</summary>
    public required string PriceKey { get; init; }

    /// <summary>The model name Anthropic's response body carries in <c>model</c>.</summary>
    public required string AnthropicModelName { get; init; }

    /// <summary>The largest <c>max_tokens</c> a request may ask for.</summary>
    public int MaxOutputTokens { get; init; } = 8_192;

    /// <summary>The <c>maxTokens</c> used when a Converse request gives none.</summary>
    /// <value>The default value is 4,096.</value>
    public int DefaultMaxTokens { get; init; } = 4_096;

    /// <summary>Modelled time to first token.</summary>
    /// <value>The default value is 700 ms.</value>
    public TimeSpan TimeToFirstToken { get; init; } = TimeSpan.FromMilliseconds(700);

    /// <summary>Modelled time to generate each output token after the first.</summary>
    /// <value>The default value is 15 ms (about 65 tokens a second).</value>
    public TimeSpan PerOutputToken { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>True when the model is served only through an inference profile (<c>us.</c>, <c>eu.</c>, <c>apac.</c>, <c>global.</c> prefix).</summary>
    /// <value>The default value is false.</value>
    public bool RequiresInferenceProfile { get; init; }

    /// <summary>On-demand requests per minute (sliding one-minute window) before <c>ThrottlingException</c>.</summary>
    /// <value>The default value is 50 (a course default).</value>
    public int RequestsPerMinute { get; init; } = 50;

    /// <summary>
    /// On-demand tokens per minute (sliding one-minute window). As on AWS, a request is admitted only if its input
    /// tokens plus its <c>max_tokens</c> fit in what is left; once it completes it counts its input tokens plus its
    /// output tokens × <see cref="OutputTokenBurndownRate"/>.
    /// </summary>
    /// <value>The default value is 100,000 (a course default).</value>
    public int TokensPerMinute { get; init; } = 100_000;

    /// <summary>
    /// The model's context window in tokens: a request whose input tokens exceed it, or whose input plus
    /// <c>max_tokens</c> exceed it, answers <c>ValidationException</c> (BR_04).
    /// </summary>
    /// <value>The default value is 200,000 (Claude Haiku 4.5 and Sonnet 4.5 on their AWS model cards).</value>
    public int ContextWindow { get; init; } = 200_000;

    /// <summary>
    /// On-demand tokens per day (sliding 24-hour window), or null for no daily quota. AWS lists a "model invocation max
    /// tokens per day" quota for newer models in Service Quotas; in the sandbox a request beyond it answers
    /// <c>ServiceQuotaExceededException</c> (400, "exceeds the service quota for your account"), not a throttle: waiting
    /// a few seconds does not help.
    /// </summary>
    /// <value>The default value is null (a course default: the daily quota is off unless a scenario sets it).</value>
    public int? TokensPerDay { get; init; }

    /// <summary>How many quota tokens each output token uses (AWS applies 5 to some newer Claude models).</summary>
    /// <value>The default value is 1.</value>
    public int OutputTokenBurndownRate { get; init; } = 1;
}
