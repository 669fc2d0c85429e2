using System.CommandLine;

namespace Course.Cli.Commands.Export;

/// <summary>
/// <c>course export &lt;dir|template.yaml&gt; --out &lt;folder&gt;</c>: writes a real SAM project (see
/// <see cref="ProjectExporter"/>). Exit codes: 0 written, 2 bad input (file:line:col and a fix on stderr).
/// </summary>
internal static class ExportCommand
{
    /// <summary>Builds the <c>export</c> command.</summary>
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The template, or a folder holding template.yaml" };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the SAM project to", Required = true };
        var command = new Command("export", "Write a SAM project for AWS: usings, csproj per function, template, README") { source, output };
        command.SetAction(r => Run(r.GetValue(source)!, r.GetValue(output)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string source, string outDir, TextWriter output, TextWriter errors)
    {
        var template = Directory.Exists(source) ? Path.Combine(source, "template.yaml") : source;
        try
        {
            var files = ProjectExporter.Export(template, outDir);
            foreach (var f in files)
            {
                output.WriteLine($"wrote {Path.Combine(outDir, f)}");
            }
            output.WriteLine($"next: cd {outDir} && sam build && sam deploy --guided");
            return 0;
        }
        catch (ExportException e)
        {
            errors.WriteLine(e.Message);
            return 2;
        }
    }
}
