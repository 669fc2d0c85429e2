using Course.Cli.Exercises;
using Course.Lessons.Content;

namespace Course.Cli.Repl;

/// <summary>
/// The read-run-print loop of <c>course repl</c>: reads lines until they form a complete C# submission (so a block
/// can span lines), runs it in the session and prints its value or its errors. <c>#load &lt;lesson&gt;</c> (<c>05</c>,
/// <c>05-event-sources</c>) runs that lesson's <c>csharp run</c> blocks in order; <c>#reset</c> starts a new session;
/// <c>#help</c> lists these; Ctrl+D (end of input) leaves. With a terminal it prompts (<c>&gt; </c>, then <c>· </c>
/// on continuation lines) and, with an <see cref="Editor"/>, Tab completes the engine's names; when input is piped it
/// prompts nothing and exits 1 if any submission failed.
/// </summary>
internal sealed class ReplLoop(TextReader input, TextWriter output, TextWriter errors, bool interactive, string workingDirectory)
{
    /// <summary>Reads lines key by key with Tab completion (a terminal); null reads lines from the input as they come.</summary>
    public ReplLineEditor? Editor { get; init; }

    private ReplSession _session = new();
    private CancellationTokenSource? _running;

    /// <summary>Cancels the submission that is running, if any (Ctrl+C); returns false when none was.</summary>
    /// <returns>True when a run was cancelled.</returns>
    public bool CancelRunning()
    {
        var running = _running;
        if (running is null)
        {
            return false;
        }

        running.Cancel();
        return true;
    }

    /// <summary>Runs until the input ends.</summary>
    /// <returns>0, or 1 when input was piped and a submission failed.</returns>
    public async Task<int> RunAsync()
    {
        if (interactive)
        {
            output.WriteLine("C# REPL with the course's engine (Course.Sandbox, Course.Lambda, Show.*). #help for commands, Ctrl+D to leave.");
        }

        var failures = 0;
        var buffer = new List<string>();
        while (true)
        {
            string? line;
            var prompt = buffer.Count == 0 ? "> " : "· ";
            if (interactive && Editor is { } editor)
            {
                // Tab completes over the whole submission so far: the earlier lines of a block are in scope too.
                var before = buffer.Count == 0 ? "" : string.Join('\n', buffer) + "\n";
                line = editor.ReadLine(prompt, (text, cursor) =>
                {
                    var completion = _session.Complete(before + text, before.Length + cursor);
                    return completion with { Start = completion.Start - before.Length };
                });
            }
            else
            {
                if (interactive)
                {
                    output.Write(prompt);
                }

                line = await input.ReadLineAsync().ConfigureAwait(false);
            }

            if (line is null)
            {
                break;
            }

            if (buffer.Count == 0 && line.TrimStart().StartsWith('#') && await CommandAsync(line.Trim()).ConfigureAwait(false) is { } handled)
            {
                failures += handled ? 0 : 1;
                continue;
            }

            buffer.Add(line);
            var code = string.Join('\n', buffer);
            if (code.Trim().Length == 0)
            {
                buffer.Clear();
                continue;
            }

            if (!ReplSession.IsComplete(code))
            {
                continue;
            }

            buffer.Clear();
            failures += await RunAsync(code).ConfigureAwait(false) ? 0 : 1;
        }

        if (buffer.Count > 0)
        {
            failures += await RunAsync(string.Join('\n', buffer)).ConfigureAwait(false) ? 0 : 1;   // the rest, reported as it is
        }

        return interactive || failures == 0 ? 0 : 1;
    }

    private async Task<bool> RunAsync(string code)
    {
        using var running = new CancellationTokenSource();
        _running = running;
        try
        {
            var result = await _session.SubmitAsync(code, running.Token).ConfigureAwait(false);
            foreach (var error in result.Errors)
            {
                errors.WriteLine(error);
            }

            if (result.Value is { } value)
            {
                output.WriteLine(value);
            }

            return result.Success;
        }
        finally
        {
            _running = null;
        }
    }

    /// <summary>A REPL command; null when the line is not one (C# directives such as #r go to the session).</summary>
    private async Task<bool?> CommandAsync(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (parts[0])
        {
            case "#help":
                output.WriteLine("#load <lesson>   run a lesson's csharp run blocks (e.g. #load 05)");
                output.WriteLine("#reset           start a new session (forget every variable)");
                output.WriteLine("Tab              complete a name (sim.La → sim.Lambda; twice lists what fits)");
                output.WriteLine("Ctrl+C           cancel the running submission; Ctrl+D leaves");
                return true;
            case "#reset":
                _session = new ReplSession();
                output.WriteLine("new session");
                return true;
            case "#load" when parts.Length == 2 && !parts[1].StartsWith('"'):
                return await LoadLessonAsync(parts[1]).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private async Task<bool> LoadLessonAsync(string typed)
    {
        var layout = CourseLayout.Find(workingDirectory);
        var lessons = layout?.Lessons() ?? [];
        var id = lessons.FirstOrDefault(l => l == typed)
                 ?? lessons.FirstOrDefault(l => int.TryParse(typed, out var n) && int.TryParse(l.Split('-')[0], out var m) && n == m);
        if (layout is null || id is null || layout.LessonFile(id) is not { } file)
        {
            errors.WriteLine($"#load: no lesson '{typed}'{(lessons.Count > 0 ? $"; the lessons are {string.Join(", ", lessons)}" : " (run the REPL from the course folder)")}");
            return false;
        }

        var blocks = LessonLoader.Load(file).CodeBlocks.Where(b => b.Kind is CodeBlockKind.Run or CodeBlockKind.RunTypes).ToList();
        foreach (var block in blocks)
        {
            if (!await RunAsync(block.Code).ConfigureAwait(false))
            {
                errors.WriteLine($"#load: the block at {CourseLayout.Display(file)}:{block.Line} failed; the blocks after it were not run");
                return false;
            }
        }

        output.WriteLine($"loaded {CourseLayout.Display(file)}: {blocks.Count} run blocks");
        return true;
    }
}
