using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Lessons.Content;
using Course.Lessons.Markdown.Extensions.CSharpCode;
using Markdig.Syntax;

namespace Course.Lessons.Notebooks;

/// <summary>
/// Generates, from one lesson, a Polyglot/Jupyter notebook (prose → Markdown cells, <c>csharp run</c> blocks →
/// C# cells, a first cell loading the built engine) and a .NET 10 file-based app with the same code in order
/// and the prose as comments. The output is byte-stable: the same lesson always gives the same bytes.
/// </summary>
public static partial class NotebookGenerator
{
    /// <summary>The assemblies the first code cell loads, relative to the notebooks folder.</summary>
    public static readonly IReadOnlyList<string> EngineReferences =
    [
        "../src/Lessons/bin/Debug/net10.0/Course.Lambda.dll",
        "../src/Lessons/bin/Debug/net10.0/Course.Sandbox.dll",
        "../src/Lessons/bin/Debug/net10.0/Course.Lessons.dll",
        "../src/Lessons/bin/Debug/net10.0/AWSSDK.Core.dll",
        "../src/Lessons/bin/Debug/net10.0/AWSSDK.S3.dll",
        "../src/Lessons/bin/Debug/net10.0/AWSSDK.DynamoDBv2.dll",
        "../src/Lessons/bin/Debug/net10.0/AWSSDK.SQS.dll",
    ];

    /// <summary>
    /// The project the .cs app references, relative to the notebooks folder: the lessons library, which brings
    /// the engine (Course.Sandbox) and the display helpers (<see cref="Display.Show"/>).
    /// </summary>
    public const string EngineProject = "../src/Lessons/Lessons.csproj";

    /// <summary>Generates both files for a lesson.</summary>
    /// <param name="lesson">The lesson.</param>
    /// <returns>The notebook and the app.</returns>
    public static NotebookFiles Generate(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var cells = Cells(lesson);
        return new NotebookFiles(lesson.Id, cells, ToIpynb(cells), ToScript(lesson, cells));
    }

    private static List<NotebookCell> Cells(Lesson lesson)
    {
        var fm = lesson.FrontMatter;
        var intro = new StringBuilder()
            .Append("# ").Append(fm.Title).Append('\n').Append('\n')
            .Append("*Lesson ").Append(fm.Id[..2]).Append(" · ").Append(fm.Minutes.ToString(CultureInfo.InvariantCulture))
            .Append(" min.* Generated from `lessons/").Append(fm.Id).Append(".md` by `./course notebooks build`: edit the lesson, not this notebook. ")
            .Append("Build the engine first (`dotnet build src/Lessons`), then run the cells in order.\n\n")
            .Append("**Objectives**\n\n");
        foreach (var objective in fm.Objectives)
        {
            intro.Append("- ").Append(objective).Append('\n');
        }

        var cells = new List<NotebookCell>
        {
            new(false, intro.ToString().TrimEnd('\n')),
            new(true, "// Load the course engine and its notebook views (build them first: dotnet build src/Lessons)\n" +
                string.Join('\n', EngineReferences.Select(r => $"#r \"{r}\"")) + "\n" +
                "using Microsoft.DotNet.Interactive;\n" +
                "using Microsoft.DotNet.Interactive.Formatting;\n" +
                "Course.Lessons.Display.Show.Html = html => html.DisplayAs(\"text/html\");\n" +
                "Formatter.Register<Course.Sandbox.Simulation>((sim, writer) => writer.Write(\n" +
                "    Course.Lessons.Display.SimulationHtml.Timeline(sim) + Course.Lessons.Display.SimulationHtml.Invocations(sim)), \"text/html\");\n" +
                "Formatter.Register<Course.Sandbox.Pricing.CostSummary>((cost, writer) => writer.Write(\n" +
                "    Course.Lessons.Display.SimulationHtml.Cost(cost)), \"text/html\");"),
        };

        var body = lesson.Body;
        var position = 0;
        foreach (var block in lesson.Document.OfType<FencedCodeBlock>())
        {
            var kind = CSharpInfo.IsCSharp(block.Info) ? CSharpInfo.KindOf(block.Arguments) : null;
            if (kind is null or CodeBlockKind.Display)
            {
                continue;
            }

            AddProse(cells, body[position..block.Span.Start]);
            cells.Add(new NotebookCell(true, block.Lines.ToString().TrimEnd('\n'), kind == CodeBlockKind.RunTypes));
            position = Math.Min(body.Length, block.Span.End + 1);
        }

        AddProse(cells, body[position..]);
        var keyPoints = new StringBuilder("**Key points**\n\n");
        foreach (var point in fm.KeyPoints)
        {
            keyPoints.Append("- ").Append(point).Append('\n');
        }

        cells.Add(new NotebookCell(false, keyPoints.ToString().TrimEnd('\n')));
        return cells;
    }

    private static void AddProse(List<NotebookCell> cells, string prose)
    {
        var markdown = NotebookMarkdown.Transform(prose);
        if (markdown.Length > 0)
        {
            cells.Add(new NotebookCell(false, markdown));
        }
    }

    private static string ToIpynb(IReadOnlyList<NotebookCell> cells)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteStartArray("cells");
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                json.WriteStartObject();
                json.WriteString("cell_type", cell.IsCode ? "code" : "markdown");
                if (cell.IsCode)
                {
                    json.WriteNull("execution_count");
                }

                json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"cell-{i:000}"));
                json.WriteStartObject("metadata");
                if (cell.IsCode)
                {
                    json.WriteStartObject("dotnet_interactive");
                    json.WriteString("language", "csharp");
                    json.WriteEndObject();
                    json.WriteStartObject("polyglot_notebook");
                    json.WriteString("kernelName", "csharp");
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                if (cell.IsCode)
                {
                    json.WriteStartArray("outputs");
                    json.WriteEndArray();
                }

                json.WriteStartArray("source");
                var lines = cell.Source.Split('\n');
                for (var l = 0; l < lines.Length; l++)
                {
                    json.WriteStringValue(l + 1 < lines.Length ? lines[l] + "\n" : lines[l]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("metadata");
            json.WriteStartObject("kernelspec");
            json.WriteString("display_name", ".NET (C#)");
            json.WriteString("language", "C#");
            json.WriteString("name", ".net-csharp");
            json.WriteEndObject();
            json.WriteStartObject("language_info");
            json.WriteString("file_extension", ".cs");
            json.WriteString("mimetype", "text/x-csharp");
            json.WriteString("name", "csharp");
            json.WriteString("pygments_lexer", "csharp");
            json.WriteString("version", "14.0");
            json.WriteEndObject();
            json.WriteStartObject("polyglot_notebook");
            json.WriteStartObject("kernelInfo");
            json.WriteString("defaultKernelName", "csharp");
            json.WriteStartArray("items");
            json.WriteStartObject();
            json.WriteStartArray("aliases");
            json.WriteEndArray();
            json.WriteString("languageName", "csharp");
            json.WriteString("name", "csharp");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNumber("nbformat", 4);
            json.WriteNumber("nbformat_minor", 5);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string ToScript(Lesson lesson, IReadOnlyList<NotebookCell> cells)
    {
        var fm = lesson.FrontMatter;
        var head = new StringBuilder()
            .Append("// Lesson ").Append(fm.Id[..2]).Append(": ").Append(fm.Title).Append('\n')
            .Append("// Generated from lessons/").Append(fm.Id).Append(".md by `./course notebooks build`: edit the lesson, not this file.\n")
            .Append("// Run it from the repository root: dotnet run notebooks/").Append(fm.Id).Append(".cs\n")
            .Append("#:project ").Append(EngineProject).Append('\n')
            .Append("#:property GenerateDocumentationFile=false\n")
            .Append("#:property PublishAot=false\n");
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var statements = new StringBuilder();
        var types = new StringBuilder();
        var anyStatement = false;
        foreach (var cell in cells.Skip(2))
        {
            if (!cell.IsCode)
            {
                statements.Append('\n');
                foreach (var line in cell.Source.Split('\n'))
                {
                    statements.Append(line.Length == 0 ? "//" : "// " + line).Append('\n');
                }

                continue;
            }

            var target = cell.IsTypes ? types : statements;
            target.Append('\n');
            foreach (var line in cell.Source.Split('\n'))
            {
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    target.Append(line).Append('\n');
                    anyStatement |= !cell.IsTypes && line.Trim().Length > 0 && !line.TrimStart().StartsWith("//", StringComparison.Ordinal);
                }
            }
        }

        if (!anyStatement)
        {
            statements.Append("\nSystem.Console.WriteLine(\"Lesson ").Append(fm.Id[..2])
                .Append(" has no runnable examples: read it on the site or in the notebook.\");\n");
        }

        var script = new StringBuilder(head.ToString());
        if (usings.Count > 0)
        {
            script.Append('\n');
            foreach (var u in usings)
            {
                script.Append(u).Append('\n');
            }
        }

        script.Append(statements);
        if (types.Length > 0)
        {
            script.Append("\n// Types used above. C# wants top-level statements before type declarations, so they come last here.\n").Append(types);
        }

        return script.ToString();
    }

    [GeneratedRegex("^\\s*using\\s+(static\\s+)?[A-Za-z_][\\w.]*(\\s*=\\s*[\\w.<>, ]+)?\\s*;\\s*$")]
    private static partial Regex UsingDirective();
}
