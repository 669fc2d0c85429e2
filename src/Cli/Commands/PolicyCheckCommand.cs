using System.CommandLine;
using Course.Cli.Commands.Local;
using Course.Sandbox.Iam;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course sam policy-check -t template.yaml [--scenario s.yaml]</c>: deploys the template, runs the scenario (when
/// given), then lists for each function every action its role grants beside how often its code used it, and flags
/// least-privilege problems: a <c>*</c> in an action or resource, a grant never used, a call that was denied.
/// The policies SAM attaches for the Lambda service itself (logs, pollers) are listed apart and not flagged.
/// Exit codes: 0 no findings, 1 findings, 2 bad input.
/// </summary>
internal static class PolicyCheckCommand
{
    private static readonly string[] ServicePolicies = ["AWSLambdaBasicExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaKinesisExecutionRole"];

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
            var calls = local.Roles.Calls.Where(c => c.FunctionName == name).ToList();
            output.WriteLine($"  role {role.RoleName}");
            foreach (var s in role.Statements.Where(s => s.Allow))
            {
                var service = ServicePolicies.Contains(s.Source);
                var resources = s.Resources.Count > 0 ? string.Join(", ", s.Resources) : "every resource but " + string.Join(", ", s.NotResources);
                var starResource = s.Resources.Any(r => r == "*" || r.EndsWith(":*", StringComparison.Ordinal));
                output.WriteLine($"  [{s.Source}] on {resources}{(service ? " (for the Lambda service: not flagged)" : "")}{(!service && starResource ? "  ← '*' resource" : "")}");
                if (!service && starResource)
                {
                    findings++;
                }
                foreach (var action in s.Actions.Count > 0 ? s.Actions : ["NotAction: " + string.Join(", ", s.NotActions)])
                {
                    var used = calls.Count(c => c.Decision == Decision.Allow && Wildcard.Matches(action, c.Action, ignoreCase: true) && s.Covers(c.Action, c.Resource));
                    var flags = new List<string>();
                    if (!service && action.Contains('*', StringComparison.Ordinal))
                    {
                        flags.Add("'*' in action");
                    }
                    if (!service && used == 0)
                    {
                        flags.Add("never used");
                    }
                    findings += flags.Count;
                    output.WriteLine($"    {(flags.Count > 0 ? "!" : " ")} {action,-36} {(service ? "used by Lambda itself" : used == 0 ? "unused" : $"used {used}×")}{(flags.Count > 0 ? "  ← " + string.Join(", ", flags) : "")}");
                }
            }
            foreach (var denied in calls.Where(c => c.Decision != Decision.Allow).GroupBy(c => (c.Action, c.Resource)))
            {
                findings++;
                output.WriteLine($"  ! DENIED {denied.Key.Action} on {denied.Key.Resource} ({denied.Count()}×)  ← the code needs it; grant it (least privilege: this action on this resource)");
            }
        }
        output.WriteLine(findings == 0 ? "no findings" : $"{findings} finding(s)");
        return findings == 0 ? 0 : 1;
    }
}
