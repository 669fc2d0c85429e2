using System.Text.RegularExpressions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Pricing;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Time;

namespace Course.Sandbox.Services.Bedrock;

/// <summary>
/// The sandbox's Amazon Bedrock Runtime: deterministic stand-ins for Claude models, on the simulation's clock and seed.
/// Learner code reaches it through <c>Course.Sandbox.Clients.BedrockRuntime.AmazonBedrockRuntimeClient</c>.
/// <list type="bullet">
/// <item><b>Answer</b>: extractive, so the same input always gives the same output. The model answers the last
/// <c>user</c> turn with its first ⌈n / 3⌉ sentences (at least 1, at most 5) of the n it has; if that is longer than
/// the request's <c>max_tokens</c> it is cut there and the stop reason is <c>max_tokens</c>, else <c>end_turn</c>.</item>
/// <item><b>Tokens</b>: <see cref="TokenCounter"/> (⌈characters / 4⌉) over the system prompt and every turn's text.</item>
/// <item><b>Latency</b>: <see cref="BedrockModel.TimeToFirstToken"/> + (output tokens − 1) × <see cref="BedrockModel.PerOutputToken"/>,
/// times a seeded jitter factor (<see cref="BedrockServiceOptions.LatencyJitter"/>), plus any latency the
/// <see cref="Faults"/> injector adds. Rejected calls take <see cref="BedrockServiceOptions.RejectionLatency"/>.</item>
/// <item><b>Quotas</b>: per model, over a sliding minute: <see cref="BedrockModel.RequestsPerMinute"/> and
/// <see cref="BedrockModel.TokensPerMinute"/> (a request needs its input tokens + <c>max_tokens</c> free, and then
/// uses input + output × burndown). Beyond them: <c>ThrottlingException</c> (BR_02). An optional daily token quota
/// (<see cref="BedrockModel.TokensPerDay"/>) answers <c>ServiceQuotaExceededException</c>.</item>
/// <item><b>Limits</b>: input beyond <see cref="BedrockModel.ContextWindow"/>, or input + <c>max_tokens</c> beyond it,
/// answers <c>ValidationException</c> (BR_04); a model slower than <see cref="BedrockServiceOptions.ModelTimeout"/>
/// answers <c>ModelTimeoutException</c>.</item>
/// <item><b>Usage</b>: every successful call is recorded in <see cref="Usage"/>; <see cref="Cost"/> prices it (PRICE_09).</item>
/// </list>
/// </summary>
/// <remarks>Not modelled: streaming, tool use, images and documents, guardrails, prompt caching, batch and provisioned throughput.</remarks>
public sealed partial class BedrockService
{
    /// <summary>The length of the quota window.</summary>
    public static readonly TimeSpan QuotaWindow = TimeSpan.FromMinutes(1);

    /// <summary>The length of the daily token quota's window (<see cref="BedrockModel.TokensPerDay"/>).</summary>
    public static readonly TimeSpan QuotaDay = TimeSpan.FromDays(1);

    internal const string InvalidModelMessage = "The provided model identifier is invalid.";

    private static readonly string[] ProfilePrefixes = ["us.", "eu.", "apac.", "global."];

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SeededIds _ids;
    private readonly BedrockServiceOptions _options;
    private readonly Dictionary<string, BedrockModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, int Tokens)>> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, int Tokens)>> _days = new(StringComparer.Ordinal);
    private readonly List<BedrockUsage> _usage = [];
    private readonly List<BedrockAttempt> _attempts = [];

    /// <summary>Creates the service.</summary>
    /// <param name="time">The simulation's clock (used when no invocation is running).</param>
    /// <param name="random">The simulation's seeded random (message ids, latency jitter).</param>
    /// <param name="options">Models, quotas and latency; null for the defaults.</param>
    /// <param name="faults">Faults to inject (throttling, internal errors, latency); null for a fresh injector that injects none.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public BedrockService(TimeProvider time, Random random, BedrockServiceOptions? options = null, FaultInjector? faults = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _time = time;
        _ids = new SeededIds(random);
        _options = options ?? new BedrockServiceOptions();
        _options.Validate();
        foreach (var m in _options.Models)
        {
            _models[m.ModelId] = m;
        }
        Faults = faults ?? new FaultInjector(new Random(0));
    }

    /// <summary>Faults injected into calls, by operation (<c>InvokeModel</c>, <c>Converse</c>, or <c>"*"</c>):
    /// <see cref="FaultKind.Throttling"/> and <see cref="FaultKind.ProvisionedThroughputExceeded"/> answer
    /// <c>ThrottlingException</c>, <see cref="FaultKind.InternalServerError"/> answers <c>InternalServerException</c>.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The models served.</summary>
    public IReadOnlyList<BedrockModel> Models
    {
        get
        {
            lock (_gate)
            {
                return [.. _models.Values];
            }
        }
    }

    /// <summary>
    /// Changes one model's settings (quotas, latency, limits), e.g.
    /// <c>Configure(BedrockModel.ClaudeHaiku45Id, m =&gt; m with { RequestsPerMinute = 3 })</c>. Usage and quota windows are kept.
    /// </summary>
    /// <param name="modelId">The base model id.</param>
    /// <param name="change">Returns the new settings from the current ones; the model id cannot change.</param>
    /// <exception cref="ArgumentException">The model is not served, the id changed, or the new settings are invalid.</exception>
    public void Configure(string modelId, Func<BedrockModel, BedrockModel> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_models.TryGetValue(modelId, out var current))
            {
                throw new ArgumentException($"Model '{modelId}' is not served by this Bedrock. Served: {string.Join(", ", _models.Keys)}.", nameof(modelId));
            }
            var next = change(current) ?? throw new ArgumentException("The change returned null.", nameof(change));
            if (next.ModelId != modelId)
            {
                throw new ArgumentException($"Configure cannot change a model's id ('{modelId}' → '{next.ModelId}').", nameof(change));
            }
            new BedrockServiceOptions { Models = [next] }.Validate();
            _models[modelId] = next;
        }
    }

    /// <summary>The latency of a rejected call (<see cref="BedrockServiceOptions.RejectionLatency"/>).</summary>
    public TimeSpan RejectionLatency => _options.RejectionLatency;

    /// <summary>Every successful call's token usage, in order.</summary>
    public IReadOnlyList<BedrockUsage> Usage
    {
        get
        {
            lock (_gate)
            {
                return [.. _usage];
            }
        }
    }

    /// <summary>Every call admitted to the model service (well-formed), answered or not, in order: see <see cref="BedrockAttempt"/>.</summary>
    public IReadOnlyList<BedrockAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>The on-demand cost of <see cref="Usage"/> (PRICE_09: input and output tokens at the model's price per million).</summary>
    /// <param name="costs">The cost model; null for the course's us-east-1 sheet.</param>
    /// <returns>USD.</returns>
    public decimal Cost(CostModel? costs = null)
    {
        costs ??= new CostModel(PriceSheet.UsEast1);
        return Usage.Sum(u => costs.Bedrock(u.PriceKey, u.InputTokens, u.OutputTokens));
    }

    /// <summary>
    /// Resolves a model id as Bedrock does: a base id (<c>anthropic.claude-haiku-4-5-20251001-v1:0</c>), an inference
    /// profile id (<c>us.</c>/<c>eu.</c>/<c>apac.</c>/<c>global.</c> + base id), or the ARN of either. A model past its
    /// end of life (<see cref="BedrockModel.EndOfLife"/>; the sandbox is Bedrock as of the price sheet's date) answers <c>ResourceNotFoundException</c>.
    /// </summary>
    /// <param name="modelId">The id the caller gave.</param>
    /// <returns>The model.</returns>
    /// <exception cref="BedrockException"><c>ValidationException</c> for an invalid id or a profile-only model called on
    /// demand; <c>ResourceNotFoundException</c> for a foundation-model ARN that names no model, or a model past its end of life.</exception>
    public BedrockModel ResolveModel(string? modelId)
    {
        var reject = _options.RejectionLatency;
        if (string.IsNullOrEmpty(modelId))
        {
            throw new BedrockException(BedrockException.Validation, "1 validation error detected: Value null at 'modelId' failed to satisfy constraint: Member must not be null", reject);
        }
        var id = modelId;
        var viaProfile = false;
        var arn = ArnPattern().Match(modelId);
        if (arn.Success)
        {
            id = arn.Groups["id"].Value;
            if (arn.Groups["kind"].Value == "foundation-model")
            {
                RejectIfRetired(id, reject);
                if (!_models.TryGetValue(id, out var found))
                {
                    throw new BedrockException(BedrockException.ResourceNotFound, "Could not resolve the foundation model from the provided model identifier.", reject);
                }
                return RequireProfile(found, viaProfile: false);
            }
        }

        foreach (var prefix in ProfilePrefixes)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal))
            {
                id = id[prefix.Length..];
                viaProfile = true;
                break;
            }
        }

        if (arn.Success && !viaProfile)
        {
            throw new BedrockException(BedrockException.Validation, InvalidModelMessage, reject);
        }
        RejectIfRetired(id, reject);
        if (!_models.TryGetValue(id, out var model))
        {
            throw new BedrockException(BedrockException.Validation, InvalidModelMessage, reject);
        }
        return RequireProfile(model, viaProfile);
    }

    /// <summary>Answers a Converse request.</summary>
    /// <param name="modelId">The model id (see <see cref="ResolveModel"/>).</param>
    /// <param name="messages">The conversation, starting with a <c>user</c> turn and alternating.</param>
    /// <param name="maxTokens">The output limit, 1 to the model's maximum; null for <see cref="BedrockModel.DefaultMaxTokens"/>.</param>
    /// <param name="system">The system prompt, or null.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="BedrockException">Bedrock's error, with its code and wording.</exception>
    public BedrockCompletion Converse(string? modelId, IReadOnlyList<BedrockMessage>? messages, int? maxTokens, string? system = null)
    {
        var model = ResolveModel(modelId);
        var reject = _options.RejectionLatency;
        if (maxTokens is < 1)
        {
            throw new BedrockException(BedrockException.Validation, $"1 validation error detected: Value '{maxTokens}' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1", reject);
        }
        if (maxTokens > model.MaxOutputTokens)
        {
            throw new BedrockException(BedrockException.Validation, $"The maximum tokens you requested exceeds the model limit of {model.MaxOutputTokens}. Try again with a maximum tokens value that is lower than {model.MaxOutputTokens}.", reject);
        }
        return Run("Converse", modelId!, model, messages, maxTokens ?? model.DefaultMaxTokens, system);
    }

    /// <summary>Answers an InvokeModel request whose body is Anthropic's Messages format.</summary>
    /// <param name="modelId">The model id (see <see cref="ResolveModel"/>).</param>
    /// <param name="body">The request body: <c>{"anthropic_version":"bedrock-2023-05-31","max_tokens":N,"messages":[{"role":"user","content":"…"}]}</c>
    /// (content as a string or as <c>[{"type":"text","text":"…"}]</c>; optional <c>system</c>).</param>
    /// <returns>The answer; <see cref="ToAnthropicJson"/> gives the response body.</returns>
    /// <exception cref="BedrockException">Bedrock's error, with its code and wording.</exception>
    public BedrockCompletion InvokeModel(string? modelId, string? body)
    {
        var model = ResolveModel(modelId);
        var request = AnthropicMessagesFormat.Parse(body, _options.RejectionLatency);
        if (request.MaxTokens > model.MaxOutputTokens)
        {
            throw new BedrockException(BedrockException.Validation, $"max_tokens: {request.MaxTokens} > {model.MaxOutputTokens}, which is the maximum allowed number of output tokens for {model.AnthropicModelName}", _options.RejectionLatency);
        }
        return Run("InvokeModel", modelId!, model, request.Messages, request.MaxTokens, request.System);
    }

    /// <summary>The Anthropic Messages response body for <paramref name="completion"/> (what InvokeModel returns).</summary>
    /// <param name="completion">An answer from this service.</param>
    /// <returns>JSON: <c>id</c>, <c>type</c>, <c>role</c>, <c>model</c>, <c>content</c>, <c>stop_reason</c>, <c>stop_sequence</c>, <c>usage</c>.</returns>
    public static string ToAnthropicJson(BedrockCompletion completion) => AnthropicMessagesFormat.Write(completion);

    private void RejectIfRetired(string baseId, TimeSpan reject)
    {
        // The sandbox serves Bedrock as of the course's price sheet, whatever the simulation's start date.
        if (BedrockModel.EndOfLife.ContainsKey(baseId) && !_models.ContainsKey(baseId))
        {
            throw new BedrockException(BedrockException.ResourceNotFound, "This model version has reached the end of its life. Please refer to the AWS documentation for more details.", reject);
        }
    }

    private BedrockModel RequireProfile(BedrockModel model, bool viaProfile)
    {
        if (model.RequiresInferenceProfile && !viaProfile)
        {
            throw new BedrockException(BedrockException.Validation,
                $"Invocation of model ID {model.ModelId} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
                _options.RejectionLatency);
        }
        return model;
    }

    private BedrockCompletion Run(string operation, string givenId, BedrockModel model, IReadOnlyList<BedrockMessage>? messages, int maxTokens, string? system)
    {
        var reject = _options.RejectionLatency;
        var question = ValidateConversation(messages, reject);
        var inputTokens = TokenCounter.Count(system) + messages!.Sum(m => TokenCounter.Count(m.Text));
        if (inputTokens > model.ContextWindow)
        {
            throw new BedrockException(BedrockException.Validation, $"Input is too long for requested model. The request has {inputTokens} input tokens; the context window of {model.AnthropicModelName} is {model.ContextWindow}.", reject);
        }
        if ((long)inputTokens + maxTokens > model.ContextWindow)
        {
            throw new BedrockException(BedrockException.Validation,
                $"The model returned the following errors: input length and `max_tokens` exceed context limit: {inputTokens} + {maxTokens} > {model.ContextWindow}, decrease input length or `max_tokens` and try again", reject);
        }
        lock (_gate)
        {
            var now = InvocationScope.Current?.Now ?? _time.GetUtcNow();
            try
            {
                var completion = Admit(operation, givenId, model, question, inputTokens, maxTokens, now);
                _attempts.Add(new BedrockAttempt(now, InvocationScope.Current?.RequestId, givenId, question, BedrockAttempt.Success));
                return completion;
            }
            catch (BedrockException e)
            {
                _attempts.Add(new BedrockAttempt(now, InvocationScope.Current?.RequestId, givenId, question, e.ErrorCode));
                throw;
            }
        }
    }

    private BedrockCompletion Admit(string operation, string givenId, BedrockModel model, string question, int inputTokens, int maxTokens, DateTimeOffset now)
    {
        var reject = _options.RejectionLatency;
        var fault = Faults.Decide(operation);
        if (fault.Fails)
        {
            throw fault.Kind == FaultKind.InternalServerError
                ? new BedrockException(BedrockException.InternalServer, "The server encountered an internal error while processing the request.", reject + fault.ExtraLatency)
                : new BedrockException(BedrockException.Throttling, "Too many requests, please wait before trying again.", reject + fault.ExtraLatency);
        }

        if (model.TokensPerDay is { } perDay)
        {
            var day = Window(_days, model, now, QuotaDay);
            if (day.Sum(w => (long)w.Tokens) + inputTokens + maxTokens > perDay)
            {
                throw new BedrockException(BedrockException.ServiceQuotaExceeded,
                    $"Your request exceeds the service quota for your account (model invocation max tokens per day for {model.ModelId}: {perDay}). You can view your quotas in Service Quotas and resubmit your request later.", reject);
            }
        }

        var window = Window(_windows, model, now, QuotaWindow);
        if (window.Count >= model.RequestsPerMinute)
        {
            throw new BedrockException(BedrockException.Throttling, "Too many requests, please wait before trying again.", reject);
        }
        if (window.Sum(w => (long)w.Tokens) + inputTokens + maxTokens > model.TokensPerMinute)
        {
            throw new BedrockException(BedrockException.Throttling, "Too many tokens, please wait before trying again.", reject);
        }

        var (text, stop) = Answer(question, maxTokens);
        var outputTokens = TokenCounter.Count(text);
        var latency = model.TimeToFirstToken + (model.PerOutputToken * Math.Max(0, outputTokens - 1));
        if (_options.LatencyJitter > 0)
        {
            latency = TimeSpan.FromTicks((long)Math.Round(latency.Ticks * (1 + (_options.LatencyJitter * ((2 * _ids.Fraction()) - 1)))));
        }
        latency += fault.ExtraLatency;
        window.Add((now, inputTokens + (outputTokens * model.OutputTokenBurndownRate)));
        if (model.TokensPerDay is not null)
        {
            Window(_days, model, now, QuotaDay).Add((now, inputTokens + (outputTokens * model.OutputTokenBurndownRate)));
        }
        if (latency > _options.ModelTimeout)
        {
            throw new BedrockException(BedrockException.ModelTimeout, "The model took longer than the model timeout to process the request. Try your request again.", _options.ModelTimeout);
        }
        var id = "msg_bdrk_" + _ids.Pick(SeededIds.Base62Alphabet, 24);
        _usage.Add(new BedrockUsage(now, operation, givenId, model.PriceKey, inputTokens, outputTokens, latency)
        {
            RequestId = InvocationScope.Current?.RequestId,
            Prompt = question,
            Answer = text,
        });
        return new BedrockCompletion(id, model, text, stop, inputTokens, outputTokens, latency);
    }

    private static List<(DateTimeOffset At, int Tokens)> Window(Dictionary<string, List<(DateTimeOffset At, int Tokens)>> windows, BedrockModel model, DateTimeOffset now, TimeSpan length)
    {
        if (!windows.TryGetValue(model.ModelId, out var window))
        {
            window = [];
            windows[model.ModelId] = window;
        }

        window.RemoveAll(w => w.At <= now - length);
        return window;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{0,12}:(?<kind>foundation-model|inference-profile)/(?<id>.+)$")]
    private static partial Regex ArnPattern();
}
