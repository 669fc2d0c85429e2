using System.Net;
using System.Text;
using Amazon.Runtime;
using Course.Sandbox.Clients.BedrockRuntime.Model;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Clients.BedrockRuntime;

/// <summary>
/// The sandbox's Bedrock Runtime client, named and shaped like <c>Amazon.BedrockRuntime.AmazonBedrockRuntimeClient</c>
/// (AWSSDK.BedrockRuntime 4.x), so learner code moves to AWS by changing the package and the usings
/// (<c>Course.Sandbox.Clients.BedrockRuntime</c> → <c>Amazon.BedrockRuntime</c>, and <c>.Model</c> likewise). It talks
/// to the simulation's <see cref="BedrockService"/> found through <see cref="SandboxAmbient.Current"/> at each call.
/// </summary>
/// <remarks>
/// Each call is reported to the registry's observer with the model's modelled latency (time to first token + per
/// output token; see <see cref="BedrockService"/>), which the engine adds to the calling invocation and traces as
/// <c>bedrock-runtime.Converse</c> or <c>bedrock-runtime.InvokeModel</c>. Errors are thrown as the SDK's exceptions
/// (<see cref="ThrottlingException"/>, <see cref="ValidationException"/>, <see cref="ResourceNotFoundException"/>,
/// <see cref="ModelTimeoutException"/>, <see cref="ServiceQuotaExceededException"/>, <see cref="InternalServerException"/>), all deriving from
/// <see cref="AmazonBedrockRuntimeException"/>. Unlike the AWS SDK, the client does not retry throttled calls itself:
/// the handler's own retry policy is what the exercises look at.
/// </remarks>
public sealed class AmazonBedrockRuntimeClient : IAmazonBedrockRuntime
{
    /// <summary>The service id used in traces.</summary>
    public const string ServiceId = "bedrock-runtime";

    private readonly BedrockService? _bedrock;
    private readonly IServiceCallObserver? _observer;

    /// <summary>
    /// A client for the current simulation (<see cref="SandboxAmbient.Current"/>), as <c>new AmazonBedrockRuntimeClient()</c>
    /// on AWS. Like an AWS SDK client, its creation is recorded in the execution environment (service
    /// <c>bedrockruntime</c>, phase INIT or INVOKE) and costs the modelled client set-up time when made while handling a request.
    /// </summary>
    public AmazonBedrockRuntimeClient() => Services.SimulationServices.OnClientCreated(typeof(AmazonBedrockRuntimeClient));

    /// <summary>A client bound to one Bedrock (for engine code and tests).</summary>
    /// <param name="bedrock">The sandbox Bedrock.</param>
    /// <param name="observer">Receives every call; null for none.</param>
    public AmazonBedrockRuntimeClient(BedrockService bedrock, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        _bedrock = bedrock;
        _observer = observer;
    }

    /// <inheritdoc />
    public Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("InvokeModel", request.ModelId, bedrock =>
        {
            var body = request.Body is null ? null : Encoding.UTF8.GetString(request.Body.ToArray());
            var completion = bedrock.InvokeModel(request.ModelId, body);
            var response = new InvokeModelResponse
            {
                Body = new MemoryStream(Encoding.UTF8.GetBytes(BedrockService.ToAnthropicJson(completion))),
                ContentType = "application/json",
            };
            return (response, completion.Latency);
        });
    }

    /// <inheritdoc />
    public Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("Converse", request.ModelId, bedrock =>
        {
            var messages = request.Messages?.Select((m, i) => ToServiceMessage(m, i, bedrock.RejectionLatency)).ToList();
            var system = request.System is { Count: > 0 } blocks ? string.Join("\n", blocks.Select(b => b?.Text ?? string.Empty)) : null;
            var completion = bedrock.Converse(request.ModelId, messages, request.InferenceConfig?.MaxTokens, system);
            var response = new ConverseResponse
            {
                Output = new ConverseOutput
                {
                    Message = new Message { Role = ConversationRole.Assistant, Content = [new ContentBlock { Text = completion.Text }] },
                },
                StopReason = StopReason.FindValue(completion.StopReason),
                Usage = new TokenUsage
                {
                    InputTokens = completion.InputTokens,
                    OutputTokens = completion.OutputTokens,
                    TotalTokens = completion.InputTokens + completion.OutputTokens,
                },
                Metrics = new ConverseMetrics { LatencyMs = (long)Math.Round(completion.Latency.TotalMilliseconds) },
            };
            return (response, completion.Latency);
        });
    }

    /// <summary>Nothing to release; present because the AWS client is disposable.</summary>
    public void Dispose()
    {
    }

    private static BedrockMessage ToServiceMessage(Message? message, int index, TimeSpan reject)
    {
        if (message is null)
        {
            throw new BedrockException(BedrockException.Validation, $"1 validation error detected: Value null at 'messages.{index + 1}.member' failed to satisfy constraint: Member must not be null", reject);
        }
        if (message.Role is null)
        {
            throw new BedrockException(BedrockException.Validation, $"1 validation error detected: Value null at 'messages.{index + 1}.member.role' failed to satisfy constraint: Member must not be null", reject);
        }
        if (message.Content is null)
        {
            throw new BedrockException(BedrockException.Validation, $"1 validation error detected: Value null at 'messages.{index + 1}.member.content' failed to satisfy constraint: Member must not be null", reject);
        }
        return new BedrockMessage(message.Role.Value, string.Join("\n", message.Content.Select(c => c?.Text ?? string.Empty)));
    }

    private Task<T> Call<T>(string operation, string? modelId, Func<BedrockService, (T Response, TimeSpan Latency)> action)
        where T : AmazonWebServiceResponse
    {
        // IAM_01 (issue 11): a function with a role needs bedrock:InvokeModel on the foundation model (Converse included).
        if (Iam.Wire.SandboxClientAuthorization.Check(ServiceId, operation, "AccessDeniedException", "bedrock:InvokeModel", r => $"arn:aws:bedrock:{r.Region}::foundation-model/{modelId}") is { } denied)
        {
            return Task.FromException<T>(new AmazonBedrockRuntimeException(denied.Message, "AccessDeniedException", HttpStatusCode.Forbidden));
        }
        BedrockService bedrock;
        IServiceCallObserver? observer;
        Services.Endpoint.ServiceEndpoint? endpoint = null;
        if (_bedrock is not null)
        {
            (bedrock, observer) = (_bedrock, _observer);
        }
        else
        {
            var registry = SandboxAmbient.Require(nameof(AmazonBedrockRuntimeClient));
            bedrock = registry.Bedrock ?? throw new InvalidOperationException("This simulation has no Bedrock: add it to the simulation's services before calling Bedrock.");
            observer = registry.Observer;
            endpoint = registry.Endpoint;
        }

        // Bedrock draws its own faults (its quotas and injected throttles live in BedrockService), so the endpoint's
        // decision for "bedrock" is the same injector: it is not drawn twice.
        return Services.Endpoint.ServiceEndpoint.ThroughAsync<T>(endpoint, null, operation, _ =>
        {
            try
            {
                var (response, latency) = action(bedrock);
                response.HttpStatusCode = HttpStatusCode.OK;
                observer?.OnCall(new ServiceCall(ServiceId, operation, ServiceCall.Success, latency));
                return response;
            }
            catch (BedrockException e)
            {
                observer?.OnCall(new ServiceCall(ServiceId, operation, e.ErrorCode, e.Latency));
                throw e.ErrorCode switch
                {
                    BedrockException.Throttling => new ThrottlingException(e.Message),
                    BedrockException.ResourceNotFound => new ResourceNotFoundException(e.Message),
                    BedrockException.ModelTimeout => new ModelTimeoutException(e.Message),
                    BedrockException.ServiceQuotaExceeded => new ServiceQuotaExceededException(e.Message),
                    BedrockException.InternalServer => new InternalServerException(e.Message),
                    _ => (AmazonBedrockRuntimeException)new ValidationException(e.Message),
                };
            }
        });
    }
}
