using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Course.Cli.Commands.Local;

/// <summary>
/// SAM CLI's local verbs against the simulator: <c>course local invoke -t template.yaml &lt;Function&gt; -e event.json</c>,
/// <c>course local run -t template.yaml --scenario &lt;file&gt;</c> (deploy every resource, drive the scenario's
/// triggers, print logs, trace summary, state and bill) and <c>course local start-api -t template.yaml [--port]</c>
/// (see <see cref="StartApiServer"/>). Exit codes: 0 done (invoke: the function succeeded), 1 the function failed,
/// 2 bad input (template, handler, event or scenario), with file:line:col and a fix on stderr.
/// </summary>
internal static class LocalCommand
{
    /// <summary>Builds the <c>local</c> command.</summary>
    public static Command Create() => new("local", "Run a SAM template in the simulator (invoke, run a scenario, start-api)")
    {
        CreateInvoke(),
        CreateRun(),
        StartApiServer.Create(),
    };

    internal static Option<string> TemplateOption() => new("--template", "-t") { Description = "The SAM template", DefaultValueFactory = _ => "template.yaml" };

    internal static Option<string[]> OverridesOption() => new("--parameter-overrides") { Description = "Parameter values, Key=Value", AllowMultipleArgumentsPerToken = true };

    internal static Option<int> SeedOption() => new("--seed") { Description = "Simulation seed", DefaultValueFactory = _ => 1 };

    private static Command CreateInvoke()
    {
        var function = new Argument<string>("function") { Description = "The function's logical id" };
        var template = TemplateOption();
        var eventFile = new Option<string?>("--event", "-e") { Description = "The event JSON file (default: {})" };
        var overrides = OverridesOption();
        var seed = SeedOption();
        var command = new Command("invoke", "Invoke one function of the template once, as `sam local invoke` does") { function, template, eventFile, overrides, seed };
        command.SetAction(r => Invoke(r.GetValue(template)!, r.GetValue(function)!, r.GetValue(eventFile), r.GetValue(overrides) ?? [], r.GetValue(seed),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateRun()
    {
        var template = TemplateOption();
        var scenario = new Option<string>("--scenario") { Description = "The scenario file (steps: put-object, send-message, put-item, publish, put-event, invoke, http, wait)", Required = true };
        var overrides = OverridesOption();
        var seed = SeedOption();
        var command = new Command("run", "Deploy the whole template into one simulation and drive a scenario") { template, scenario, overrides, seed };
        command.SetAction(r => Run(r.GetValue(template)!, r.GetValue(scenario)!, r.GetValue(overrides) ?? [], r.GetValue(seed),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    internal static int Invoke(string templatePath, string function, string? eventFile, string[] overrides, int seed, TextWriter output, TextWriter errors)
    {
        try
        {
            var payload = "{}";
            if (eventFile is not null)
            {
                try
                {
                    payload = File.ReadAllText(eventFile);
                    using var _ = JsonDocument.Parse(payload);
                }
                catch (JsonException e)
                {
                    throw new LocalInputException($"{eventFile}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the event is not valid JSON. Fix the JSON, or generate a sample with `course events generate`.");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new LocalInputException($"cannot read the event file '{eventFile}': {e.Message}");
                }
            }
            var local = LocalStack.Deploy(templatePath, overrides, seed);
            string name;
            try
            {
                name = local.Stack.FunctionName(function);
            }
            catch (KeyNotFoundException e)
            {
                throw new LocalInputException($"{templatePath}: {e.Message} Fix: name one of them.");
            }
            var task = local.Simulation.Lambda.InvokeAsync(name, payload);
            local.Simulation.RunUntilComplete(task);
            var result = task.Result;
            foreach (var line in local.Simulation.Lambda.GetFunction(name).Environments.SelectMany(e => e.Log.Events).OrderBy(e => e.Time))
            {
                output.WriteLine(line.Message.TrimEnd('\n'));
            }
            output.WriteLine();
            output.WriteLine(result.Payload ?? "null");
            foreach (var d in local.Roles.Calls.Where(c => c.Decision != Sandbox.Iam.Decision.Allow))
            {
                errors.WriteLine($"access denied: {d.Action} on {d.Resource}");
            }
            return result.Succeeded ? 0 : 1;
        }
        catch (LocalInputException e)
        {
            errors.WriteLine(e.Message.Contains(": error: ", StringComparison.Ordinal) ? e.Message : $"error: {e.Message}");
            return 2;
        }
    }

    internal static int Run(string templatePath, string scenario, string[] overrides, int seed, TextWriter output, TextWriter errors)
    {
        try
        {
            var local = LocalStack.Deploy(templatePath, overrides, seed);
            new ScenarioRunner(local, scenario, output).Run();
            StackReport.Write(local, output);
            return 0;
        }
        catch (LocalInputException e)
        {
            errors.WriteLine(e.Message.Contains(": error: ", StringComparison.Ordinal) ? e.Message : $"error: {e.Message}");
            return 2;
        }
    }

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
