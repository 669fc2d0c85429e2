using System.Text;
using System.Text.RegularExpressions;
using Course.Sandbox.Templates;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;

namespace Course.Cli.Commands.Export;

/// <summary>
/// Writes a SAM project AWS can build and deploy from a sandbox template: each function's C# files with the
/// <c>Course.Lambda.*</c> (and sandbox client) namespaces turned into AWS's, a csproj per function (named by the
/// Handler's assembly, with the Amazon.Lambda.* and AWSSDK packages its code uses and the serializer attribute),
/// the template (CodeUri pointing at those project folders; InlineCode C# moved into a project), and a README.
/// </summary>
internal static partial class ProjectExporter
{
    /// <summary>The files written, relative to <paramref name="outDir"/>.</summary>
    /// <exception cref="ExportException">Bad input: the template, a handler, or sandbox-only code.</exception>
    public static IReadOnlyList<string> Export(string templatePath, string outDir)
    {
        Template template;
        try
        {
            template = TemplateLoader.Load(templatePath);
            if (template.IsSam)
            {
                SamTransform.Translate(template);
            }
        }
        catch (TemplateException e)
        {
            throw new ExportException(SamCommand.Render(e));
        }
        catch (SamTransformException e)
        {
            throw new ExportException(SamCommand.Describe(e));
        }
        var sourceDir = Path.GetDirectoryName(Path.GetFullPath(templatePath))!;
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        var rewriteTemplate = false;
        foreach (var (logicalId, props) in template.ServerlessFunctions())
        {
            var handler = props["Handler"]?.AsString() ?? "";
            var parts = handler.Split("::");
            if (parts.Length != 3)
            {
                throw new ExportException($"{props.Mark}: error: function {logicalId}'s Handler '{handler}' is not Assembly::Namespace.Type::Method.\n  fix: e.g. `Handler: MyApp::MyApp.Function::FunctionHandler`.");
            }
            var runtime = props["Runtime"]?.AsString() ?? "dotnet8";
            var framework = runtime switch { "dotnet10" => "net10.0", "dotnet8" => "net8.0", _ => throw new ExportException($"{props["Runtime"]?.Mark ?? props.Mark}: error: function {logicalId} has Runtime {runtime}; the export writes .NET projects.\n  fix: use dotnet8 or dotnet10.") };
            string codeUri;
            List<(string Name, string Text)> files;
            if (props["InlineCode"]?.AsString() is { } inline)
            {
                codeUri = $"src/{logicalId}/";
                files = [("Function.cs", inline)];
                rewriteTemplate = true;
            }
            else if (props["CodeUri"]?.AsString() is { } uri && !uri.StartsWith("s3://", StringComparison.Ordinal))
            {
                codeUri = uri;
                var dir = Path.GetFullPath(Path.Combine(sourceDir, uri));
                if (!Directory.Exists(dir))
                {
                    throw new ExportException($"{props["CodeUri"]!.Mark}: error: CodeUri folder '{dir}' does not exist.\n  fix: point CodeUri at the handler's folder.");
                }
                files = [.. Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !Regex.IsMatch(f, @"[\\/](bin|obj)[\\/]"))
                    .Order(StringComparer.Ordinal)
                    .Select(f => (Path.GetRelativePath(dir, f), File.ReadAllText(f)))];
            }
            else
            {
                continue;
            }
            var target = Path.Combine(outDir, codeUri);
            Directory.CreateDirectory(target);
            var namespaces = new SortedSet<string>(StringComparer.Ordinal) { "Amazon.Lambda.Core" };
            foreach (var (name, text) in files)
            {
                var converted = Rewrite(text, Path.Combine(codeUri, name));
                foreach (Match m in UsingPattern().Matches(converted))
                {
                    namespaces.Add(m.Groups[1].Value);
                }
                var path = Path.Combine(target, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, converted);
                written.Add(Path.GetRelativePath(outDir, path).Replace('\\', '/'));
            }
            File.WriteAllText(Path.Combine(target, "LambdaSerializer.cs"),
                "// The serializer the .NET Lambda runtime uses for this assembly's handlers (the sandbox's is built in).\n" +
                "[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]\n");
            written.Add(Path.GetRelativePath(outDir, Path.Combine(target, "LambdaSerializer.cs")).Replace('\\', '/'));
            var csproj = Path.Combine(target, parts[0] + ".csproj");
            File.WriteAllText(csproj, Csproj(parts[0], framework, namespaces));
            written.Add(Path.GetRelativePath(outDir, csproj).Replace('\\', '/'));
        }
        var templateOut = Path.Combine(outDir, Path.GetFileName(templatePath));
        File.WriteAllText(templateOut, rewriteTemplate ? InlineToCodeUri(template) : File.ReadAllText(templatePath));
        written.Add(Path.GetFileName(templatePath));
        File.WriteAllText(Path.Combine(outDir, "README.md"), Readme(Path.GetFileName(templatePath)));
        written.Add("README.md");
        return written;
    }

    /// <summary>The C# source with sandbox namespaces replaced by AWS's.</summary>
    /// <exception cref="ExportException">The code uses a sandbox type with no AWS equivalent.</exception>
    internal static string Rewrite(string source, string file)
    {
        var text = source;
        foreach (var (from, to) in AwsPackages.Renames)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        var left = SandboxPattern().Match(text);
        if (left.Success)
        {
            var line = text[..left.Index].Count(c => c == '\n') + 1;
            var column = left.Index - text.LastIndexOf('\n', Math.Max(0, left.Index - 1));
            throw new ExportException($"{file}:{line}:{column}: error: '{left.Value}' is sandbox-only and has no AWS equivalent.\n  fix: remove it (e.g. SimulatedWork.Spend stands in for real work) before exporting.");
        }
        return text;
    }

    private static string Csproj(string assembly, string framework, IEnumerable<string> namespaces)
    {
        var packages = namespaces.Where(AwsPackages.ByNamespace.ContainsKey).Select(n => AwsPackages.ByNamespace[n]).Append(AwsPackages.Serializer).Distinct().OrderBy(p => p.Package, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");
        sb.Append($"    <TargetFramework>{framework}</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n    <Nullable>enable</Nullable>\n");
        sb.Append($"    <AssemblyName>{assembly}</AssemblyName>\n    <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>\n");
        sb.Append("    <AWSProjectType>Lambda</AWSProjectType>\n    <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>\n    <PublishReadyToRun>true</PublishReadyToRun>\n");
        sb.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var (package, version) in packages)
        {
            sb.Append($"    <PackageReference Include=\"{package}\" Version=\"{version}\" />\n");
        }
        sb.Append("  </ItemGroup>\n</Project>\n");
        return sb.ToString();
    }

    private static string InlineToCodeUri(Template template)
    {
        var root = (MappingNode)template.Root.Clone();
        foreach (var e in ((MappingNode)root["Resources"]!).Entries)
        {
            if (e.Value is MappingNode r && r["Type"]?.AsString() == "AWS::Serverless::Function" && r["Properties"] is MappingNode p && p.Remove("InlineCode"))
            {
                p.Set("CodeUri", Nodes.Str($"src/{e.Key.Value}/"));
            }
        }
        return "# Exported by `course export` (InlineCode moved into projects under src/; intrinsics in their long form).\n" + TemplateWriter.ToYaml(root);
    }

    private static string Readme(string template) => $"""
        # Exported SAM project

        Written by `course export` from the sandbox. Each function is a .NET project under its CodeUri folder,
        with the `Amazon.Lambda.*` and `AWSSDK.*` packages its code uses (written into the csproj; run
        `dotnet restore` once to fetch them).

        ```bash
        sam validate -t {template}      # the SAM transform's checks
        sam build -t {template}         # builds each function with the .NET CLI (Amazon.Lambda.Tools)
        sam deploy --guided             # first deploy: stack name, region, confirm IAM role creation
        sam deploy                      # later deploys reuse samconfig.toml
        sam logs --stack-name <stack> --tail
        sam delete                      # remove the stack (empty any buckets first)
        ```

        What the sandbox modelled and AWS does for real: the role's policies are enforced by IAM, buckets and tables
        get CloudFormation-generated names, and you pay AWS's prices.
        """;

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"\bCourse\.[A-Za-z_][A-Za-z0-9_.]*")]
    private static partial Regex SandboxPattern();
}
