using System.Runtime.CompilerServices;
using Course.Sandbox.Iam.Wire;

namespace Course.Sandbox.Iam;

/// <summary>
/// The execution roles of one simulation's functions, and the authoriser every SDK call from their handlers goes
/// through (IAM_01). A function with no role attached is not checked (code-first scenarios keep working); once a
/// role is attached, each call needs an Allow for its action and resource and no Deny. Every decision is kept in
/// <see cref="Calls"/> (what <c>course sam policy-check</c> compares with the grants).
/// </summary>
public sealed class RoleRegistry : IServiceAuthorizer
{
    private static readonly ConditionalWeakTable<Simulation, RoleRegistry> Registries = [];
    private readonly Dictionary<string, FunctionRole> _roles = new(StringComparer.Ordinal);
    private readonly List<AuthorizationRecord> _calls = [];
    private readonly string _accountId;

    private RoleRegistry(Simulation simulation)
    {
        _accountId = simulation.Options.AccountId;
        Region = simulation.Options.Region;
        Endpoint = simulation.Services.Endpoint;
        simulation.Services.Sdk.WireAuthorizer = new SdkRequestAuthorizer(this);
    }

    /// <summary>The registry of <paramref name="simulation"/> (created, and hooked into its SDK router, on first use).</summary>
    public static RoleRegistry For(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return Registries.GetValue(simulation, s => new RoleRegistry(s));
    }

    /// <summary>The simulation's region (ARNs the SDK calls name are in it).</summary>
    public string Region { get; }

    /// <summary>The simulation's service endpoint, where a denied call is recorded like any other.</summary>
    internal Services.Endpoint.ServiceEndpoint Endpoint { get; }

    /// <summary>The simulation's account id.</summary>
    public string AccountId => _accountId;

    /// <summary>Every authorisation decision, in order.</summary>
    public IReadOnlyList<AuthorizationRecord> Calls => _calls;

    /// <summary>Attaches role <paramref name="roleName"/> with <paramref name="statements"/> to <paramref name="functionName"/>.</summary>
    public void Attach(string functionName, string roleName, IEnumerable<PolicyStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(statements);
        _roles[functionName] = new FunctionRole(roleName, [.. statements]);
    }

    /// <summary>The role attached to <paramref name="functionName"/>, or null.</summary>
    public FunctionRole? RoleOf(string functionName) => _roles.GetValueOrDefault(functionName);

    /// <summary>The functions that have a role.</summary>
    public IEnumerable<string> Functions => _roles.Keys;

    /// <inheritdoc/>
    public AccessDeniedException? Authorize(string functionName, string action, string resourceArn)
    {
        if (!_roles.TryGetValue(functionName, out var role))
        {
            return null;
        }
        var decision = PolicyEvaluator.Evaluate(role.Statements, action, resourceArn);
        _calls.Add(new AuthorizationRecord(functionName, action, resourceArn, decision));
        return decision == Decision.Allow ? null
            : new AccessDeniedException($"arn:aws:sts::{_accountId}:assumed-role/{role.RoleName}/{functionName}", action, resourceArn, decision);
    }
}
