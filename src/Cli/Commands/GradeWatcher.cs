using Course.Grading;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>
/// <c>grade --watch</c>: grades, then grades again whenever a .cs or .yaml file in the exercise folder (or the
/// --file handler) changes, debounced; the same <see cref="Grader"/> keeps Roslyn and the checks warm.
/// </summary>
internal static class GradeWatcher
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(80);

    /// <summary>Runs until cancelled (Ctrl+C).</summary>
    /// <param name="grader">The grader to reuse.</param>
    /// <param name="settings">What to grade.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The exit code of the last grade.</returns>
    public static async Task<int> RunAsync(Grader grader, GradeSettings settings, CancellationToken cancellationToken)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(settings.Directory) };
        if (settings.File is not null)
        {
            folders.Add(Path.GetDirectoryName(Path.GetFullPath(settings.File))!);
        }

        var changes = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var watchers = new List<FileSystemWatcher>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            watcher.Filters.Add("*.cs");
            watcher.Filters.Add("*.yaml");
            watcher.Changed += (_, e) => changes.Writer.TryWrite(e.FullPath);
            watcher.Created += (_, e) => changes.Writer.TryWrite(e.FullPath);
            watcher.Renamed += (_, e) => changes.Writer.TryWrite(e.FullPath);
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }

        var exit = 0;
        try
        {
            exit = await GradeCommand.GradeOnceAsync(grader, settings, cancellationToken).ConfigureAwait(false);
            grader.PrepareNextRun(GradeCommand.ToOptions(settings));
            AnsiConsole.MarkupLine("[grey]watching for changes (Ctrl+C to stop)…[/]");
            while (!cancellationToken.IsCancellationRequested)
            {
                await changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                // Editors save in bursts (truncate, write, rename): wait until the burst is over.
                while (true)
                {
                    var more = changes.Reader.WaitToReadAsync(cancellationToken).AsTask();
                    if (await Task.WhenAny(more, Task.Delay(Debounce, cancellationToken)).ConfigureAwait(false) != more)
                    {
                        break;
                    }

                    while (changes.Reader.TryRead(out _))
                    {
                    }
                }

                AnsiConsole.WriteLine();
                AnsiConsole.Write(new Rule("[grey]change detected — grading again[/]") { Justification = Justify.Left });
                exit = await GradeCommand.GradeOnceAsync(grader, settings, cancellationToken).ConfigureAwait(false);
                grader.PrepareNextRun(GradeCommand.ToOptions(settings));
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }

        return exit;
    }
}
