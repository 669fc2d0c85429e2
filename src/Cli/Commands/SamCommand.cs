using System.CommandLine;
using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course sam translate &lt;template.yaml&gt; [--format yaml|json] [--parameter-overrides K=V…]</c> prints the
/// CloudFormation that the SAM transform produces; <c>course sam policy-check</c> is in <see cref="PolicyCheckCommand"/>.
/// Exit codes: 0 translated, 2 an invalid template (file:line:col, SAM's message and a fix on stderr).
/// </summary>
internal static class SamCommand
{
    /// <summary>Builds the <c>sam</c> command.</summary>
    public static Command Create() => new("sam", "SAM templates: translate to CloudFormation, check least privilege")
    {
        CreateTranslate(),
        PolicyCheckCommand.Create(),
    };

    private static Command CreateTranslate()
    {
        var file = new Argument<string>("template") { Description = "The SAM template (YAML or JSON)" };
        var format = new Option<string>("--format") { Description = "yaml or json", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var overrides = new Option<string[]>("--parameter-overrides") { Description = "Parameter values, Key=Value", AllowMultipleArgumentsPerToken = true };
        var command = new Command("translate", "Print the CloudFormation template the SAM transform produces") { file, format, overrides };
        command.SetAction(result => Translate(result.GetValue(file)!, result.GetValue(format)!, result.GetValue(overrides) ?? [], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Translate(string path, string format, string[] overrides, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        if (!TryLoad(path, overrides, errors, out var template))
        {
            return 2;
        }
        MappingNode translated;
        try
        {
            translated = template!.IsSam ? SamTransform.Translate(template) : template.Root;
        }
        catch (SamTransformException e)
        {
            errors.WriteLine(Describe(e));
            return 2;
        }
        catch (Exception e) when (e is InvalidCastException or NullReferenceException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException)
        {
            errors.WriteLine(InternalError(path, e));
            return 2;
        }
        output.Write(format == "json" ? TemplateWriter.ToJson(translated) + "\n" : TemplateWriter.ToYaml(translated));
        return 0;
    }

    /// <summary>Loads a template, writing a loader error (file:line:col, fix) to <paramref name="errors"/>.</summary>
    internal static bool TryLoad(string path, IEnumerable<string> overrides, TextWriter errors, out Template? template)
    {
        template = null;
        try
        {
            template = TemplateLoader.Load(path, TemplateLoader.ParseOverrides(overrides));
            return true;
        }
        catch (TemplateException e)
        {
            errors.WriteLine(Render(e));
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"error: --parameter-overrides: {e.Message} Write each as Key=Value.");
        }
        return false;
    }

    /// <summary>The message for a template the sandbox failed on without a proper error (a sandbox bug, never a stack trace).</summary>
    internal static string InternalError(string path, Exception e) =>
        $"{path}: error: the sandbox could not process this template ({e.GetType().Name}: {e.Message}).\n  fix: this is a bug in the sandbox, not in your template as far as it knows; report it with the template, and check the template with `sam validate`.";

    /// <summary><c>file:line:col: error: problem</c> and, on the next line, the fix.</summary>
    internal static string Render(TemplateException e) => $"{e.Mark}: error: {e.Problem}{(e.Fix is null ? "" : $"\n  fix: {e.Fix}")}";

    /// <summary>The first error's place, then SAM's message and every reason with its place and fix.</summary>
    internal static string Describe(SamTransformException e) => $"{e.Errors[0].Mark}: error: {e.Describe()}";
}
