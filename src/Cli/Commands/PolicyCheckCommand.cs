using System.CommandLine;
using Course.Cli.Commands.Local;
using Course.Sandbox.Iam.Review;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course sam policy-check -t template.yaml [--scenario s.yaml]</c>: deploys the template, runs the scenario (when
/// given), then lists for each function every action its role grants beside how often its code used it, and flags
/// least-privilege problems: a <c>*</c> in an action or resource, a grant never used, a call that was denied
/// (the review is the engine's <see cref="LeastPrivilege"/>; the policies SAM attaches for the Lambda service itself are not flagged).
/// Exit codes: 0 no findings, 1 findings, 2 bad input.
/// </summary>
internal static class PolicyCheckCommand
{
    /// <summary>Builds the <c>policy-check</c> command.</summary>
    public static Command Create()
    {
        var template = LocalCommand.TemplateOption();
        var scenario = new Option<string?>("--scenario") { Description = "A scenario to run first (see `course local run`); without one, every grant is unused" };
        var overrides = LocalCommand.OverridesOption();
        var seed = LocalCommand.SeedOption();
        var command = new Command("policy-check", "Granted vs used actions per function; flags '*' and unused grants") { template, scenario, overrides, seed };
        command.SetAction(r => Run(r.GetValue(template)!, r.GetValue(scenario), r.GetValue(overrides) ?? [], r.GetValue(seed), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string templatePath, string? scenario, string[] overrides, int seed, TextWriter output, TextWriter errors)
    {
        LocalStack local;
        try
        {
            local = LocalStack.Deploy(templatePath, overrides, seed);
            if (scenario is not null)
            {
                new ScenarioRunner(local, scenario, TextWriter.Null).Run();
            }
        }
        catch (LocalInputException e)
        {
            errors.WriteLine(e.Message.Contains(": error: ", StringComparison.Ordinal) ? e.Message : $"error: {e.Message}");
            return 2;
        }
        var findings = 0;
        foreach (var (logicalId, name) in local.Stack.Functions)
        {
            var role = local.Roles.RoleOf(name);
            output.WriteLine($"{logicalId} ({name})");
            if (role is null)
            {
                output.WriteLine("  its role is not in the template: not checked");
                continue;
            }
            var review = LeastPrivilege.Review(name, role, local.Roles.Calls);
            findings += review.Findings;
            output.WriteLine($"  role {role.RoleName}");
            foreach (var grant in review.Grants)
            {
                var service = grant.ForLambdaService;
                output.WriteLine($"  [{grant.Statement.Source}] on {grant.ResourceText}{(service ? " (for the Lambda service: not flagged)" : "")}{(grant.WildcardResource ? "  ← '*' resource" : "")}");
                foreach (var action in grant.Actions)
                {
                    var flags = action.Flags;
                    output.WriteLine($"    {(flags.Count > 0 ? "!" : " ")} {action.Action,-36} {(service ? "used by Lambda itself" : action.Used == 0 ? "unused" : $"used {action.Used}×")}{(flags.Count > 0 ? "  ← " + string.Join(", ", flags) : "")}");
                }
            }
            foreach (var denied in review.Denied)
            {
                output.WriteLine($"  ! DENIED {denied.Action} on {denied.Resource} ({denied.Count}×)  ← the code needs it; grant it (least privilege: this action on this resource)");
            }
        }
        output.WriteLine(findings == 0 ? "no findings" : $"{findings} finding(s)");
        return findings == 0 ? 0 : 1;
    }
}
