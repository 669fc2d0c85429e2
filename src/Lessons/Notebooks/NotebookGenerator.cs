using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Course.Lessons.Content;
using Course.Lessons.Markdown.Extensions.CSharpCode;
using Markdig.Syntax;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Course.Lessons.Notebooks;

/// <summary>
/// Generates, from one lesson, a Polyglot/Jupyter notebook (prose → Markdown cells, <c>csharp run</c> blocks →
/// C# cells, a first cell loading the built engine) and a .NET 10 file-based app with the same code in order
/// and the prose as comments. The output is byte-stable: the same lesson always gives the same bytes.
/// </summary>
public static partial class NotebookGenerator
{
    /// <summary>
    /// Where the first code cell loads the engine from, relative to the notebooks folder: every build of src/Lessons,
    /// Debug or Release, copies its assemblies there (Lessons.csproj's CopyEngineForNotebooks).
    /// </summary>
    public const string EngineFolder = "../src/Lessons/bin/engine/";

    /// <summary>The assemblies the first code cell loads, relative to the notebooks folder.</summary>
    public static readonly IReadOnlyList<string> EngineReferences =
        new[] { "Course.Lambda", "Course.Sandbox", "Course.Lessons", "AWSSDK.Core", "AWSSDK.S3", "AWSSDK.DynamoDBv2", "AWSSDK.SQS" }
            .Select(name => EngineFolder + name + ".dll")
            .ToArray();

    /// <summary>The kernels a lesson notebook uses: C# for code, Markdown for prose.</summary>
    public static KernelInfoCollection Kernels => new() { new KernelInfo("csharp", "C#", []), new KernelInfo("markdown", "Markdown", []) };

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
            new(true, "// Load the course engine and its notebook views (build it first, Debug or Release: dotnet build src/Lessons)\n" +
                string.Join('\n', EngineReferences.Select(r => $"#r \"{r}\"")) + "\n" +
                "using Microsoft.DotNet.Interactive;\n" +
                "// Show.* draws HTML here (text in the .cs apps); a Simulation, CostSummary or LoadReport value renders as HTML.\n" +
                "Course.Lessons.Display.Show.Html = html => html.DisplayAs(\"text/html\");\n" +
                "Course.Lessons.Display.ShowFormatters.Register();"),
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

    /// <summary>The cells as a .NET Interactive document, written as Jupyter JSON by Microsoft.DotNet.Interactive.Documents.</summary>
    private static string ToIpynb(IReadOnlyList<NotebookCell> cells)
    {
        var document = new InteractiveDocument();
        for (var i = 0; i < cells.Count; i++)
        {
            document.Add(new InteractiveDocumentElement(cells[i].Source, cells[i].IsCode ? "csharp" : "markdown")
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"cell-{i:000}"),
            });
        }

        var json = Notebook.ToJupyterJson(document, "csharp").Replace("\r\n", "\n", StringComparison.Ordinal);
        return json.EndsWith('\n') ? json : json + "\n";
    }

    /// <summary>Reads a notebook's cells back (Microsoft.DotNet.Interactive.Documents), e.g. to run or compare them.</summary>
    /// <param name="ipynb">The notebook's JSON.</param>
    /// <returns>The cells in order.</returns>
    public static IReadOnlyList<NotebookCell> ReadCells(string ipynb)
    {
        ArgumentNullException.ThrowIfNull(ipynb);
        return Notebook.Parse(ipynb, Kernels).Elements
            .Select(e => new NotebookCell(e.KernelName != "markdown", e.Contents))
            .ToList();
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
