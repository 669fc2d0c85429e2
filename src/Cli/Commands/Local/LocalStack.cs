using Course.Grading.Compilation;
using Course.Sandbox;
using Course.Sandbox.Hosting;
using Course.Sandbox.Iam;
using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Deploy;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;

namespace Course.Cli.Commands.Local;

/// <summary>
/// A template deployed into a fresh simulation for the <c>local</c> verbs: each function's handler is compiled from
/// the C# files of its CodeUri folder with the grader's Roslyn compiler and bound by its <c>Handler</c>
/// (<c>Assembly::Namespace.Type::Method</c>, as the .NET runtime reads it).
/// </summary>
internal sealed class LocalStack
{
    private LocalStack(Simulation sim, DeployedStack stack, Template template)
    {
        Simulation = sim;
        Stack = stack;
        Template = template;
    }

    public Simulation Simulation { get; }

    public DeployedStack Stack { get; }

    public Template Template { get; }

    public RoleRegistry Roles => RoleRegistry.For(Simulation);

    /// <summary>Loads, translates, compiles and deploys; every bad input is a <see cref="LocalInputException"/>.</summary>
    public static LocalStack Deploy(string templatePath, IEnumerable<string> overrides, int seed)
    {
        Template template;
        try
        {
            template = TemplateLoader.Load(templatePath, TemplateLoader.ParseOverrides(overrides));
        }
        catch (TemplateException e)
        {
            throw new LocalInputException(SamCommand.Render(e));
        }
        catch (ArgumentException e)
        {
            throw new LocalInputException($"--parameter-overrides: {e.Message} Write each as Key=Value.");
        }
        var sim = new Simulation(new SimulationOptions { Seed = seed });
        RoleRegistry.For(sim);
        var compiled = new Dictionary<string, CompileResult>(StringComparer.Ordinal);
        try
        {
            var stack = StackDeployer.Deploy(sim, template, code => Handler(code, template, compiled));
            return new LocalStack(sim, stack, template);
        }
        catch (SamTransformException e)
        {
            throw new LocalInputException(SamCommand.Describe(e));
        }
        catch (TemplateException e)
        {
            throw new LocalInputException(SamCommand.Render(e));
        }
        catch (HandlerBindingException e)
        {
            throw new LocalInputException($"{templatePath}: {e.Message} Fix: check the function's Handler (Assembly::Namespace.Type::Method).");
        }
        catch (Exception e) when (e is InvalidCastException or NullReferenceException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new LocalInputException(SamCommand.InternalError(templatePath, e));
        }
    }

    private static HandlerFactory Handler(FunctionCode code, Template template, Dictionary<string, CompileResult> cache)
    {
        var where = $"{template.File}: function {code.LogicalId}";
        if (!code.Runtime.StartsWith("dotnet", StringComparison.Ordinal))
        {
            throw new LocalInputException($"{where}: Runtime {code.Runtime} — the sandbox runs C# handlers. Fix: set `Runtime: dotnet8` and write the handler in C#.");
        }
        var parts = code.Handler.Split("::");
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            throw new LocalInputException($"{where}: Handler '{code.Handler}' is not Assembly::Namespace.Type::Method. Fix: e.g. `Handler: MyApp::MyApp.Function::FunctionHandler`.");
        }
        var key = (code.CodeDirectory ?? "inline:" + code.LogicalId) + "|" + parts[0];
        if (!cache.TryGetValue(key, out var result))
        {
            List<SourceFile> files;
            if (code.CodeDirectory is { } dir)
            {
                if (!Directory.Exists(dir))
                {
                    throw new LocalInputException($"{where}: CodeUri folder '{dir}' does not exist. Fix: point CodeUri at the folder holding the handler's .cs files (relative to the template).");
                }
                files = [.. Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new SourceFile(Path.GetRelativePath(Environment.CurrentDirectory, f).Replace('\\', '/'), File.ReadAllText(f)))];
                if (files.Count == 0)
                {
                    throw new LocalInputException($"{where}: CodeUri folder '{dir}' has no .cs files. Fix: put the handler's C# file there.");
                }
            }
            else
            {
                files = [new SourceFile($"{code.LogicalId}.InlineCode.cs", code.InlineCode ?? "")];
            }
            result = new SourceCompiler().CompileLearner(files, parts[0]);
            if (!result.Success)
            {
                throw new LocalInputException($"{where}: the handler does not compile:\n\n{result.RenderDiagnostics()}");
            }
            cache[key] = result;
        }
        try
        {
            return HandlerFactory.FromAssembly(result.Assembly!, result.Pdb, parts[1], parts[2]);
        }
        catch (HandlerBindingException e)
        {
            throw new LocalInputException($"{where}: {e.Message}");
        }
    }
}
