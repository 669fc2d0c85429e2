using System.CommandLine;
using Course.Lessons.Content;
using Course.Lessons.Notebooks;

namespace Course.Cli.Commands;

/// <summary><c>course notebooks build|check</c>: the notebooks and file-based apps generated from lessons/.</summary>
internal static class NotebooksCommand
{
    /// <summary>Creates the <c>notebooks</c> command with its <c>build</c> and <c>check</c> subcommands.</summary>
    public static Command Create()
    {
        var notebooks = new Command("notebooks", "Generate notebooks/NN-slug.ipynb and .cs from lessons/, or check that they are current.");

        var build = new Command("build", "Write every notebook whose lesson changed; remove notebooks without a lesson.");
        build.SetAction(_ => Run(set =>
        {
            var changed = set.Build();
            foreach (var status in changed)
            {
                Console.WriteLine($"{(status.State == NotebookState.Orphan ? "removed" : "wrote  ")} {status.Path}");
            }

            Console.WriteLine(changed.Count == 0 ? "All notebooks were up to date." : $"{changed.Count} file(s) changed.");
            return 0;
        }));

        var check = new Command("check", "Fail (exit 1) when a notebook is missing, stale or orphaned.");
        check.SetAction(_ => Run(set =>
        {
            var problems = set.Check().Where(s => s.State != NotebookState.UpToDate).ToList();
            foreach (var status in problems)
            {
                Console.Error.WriteLine($"{status.Path}: {status.State.ToString().ToLowerInvariant()}");
            }

            if (problems.Count > 0)
            {
                Console.Error.WriteLine($"Notebooks are out of date: run `{CliName.Command("notebooks build")}` and commit the result.");
                return 1;
            }

            Console.WriteLine("All notebooks are up to date.");
            return 0;
        }));

        notebooks.Subcommands.Add(build);
        notebooks.Subcommands.Add(check);
        return notebooks;
    }

    private static int Run(Func<NotebookSet, int> action)
    {
        if (!SiteCommand.TryPaths(out var paths))
        {
            return 1;
        }

        try
        {
            return action(new NotebookSet(paths));
        }
        catch (LessonFormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
