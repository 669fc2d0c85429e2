using System.CommandLine;
using System.Diagnostics;
using Course.Lessons.Content;
using Course.Lessons.Site;

namespace Course.Cli.Commands;

/// <summary><c>course site build|serve</c>: the static course site from lessons/ and exercises/.</summary>
internal static class SiteCommand
{
    /// <summary>Creates the <c>site</c> command with its <c>build</c> and <c>serve</c> subcommands.</summary>
    public static Command Create()
    {
        var site = new Command("site", "Build or serve the course site (lessons, exercises, search) as static HTML.");
        site.Subcommands.Add(Build());
        site.Subcommands.Add(Serve());
        return site;
    }

    private static Command Build()
    {
        var output = OutOption();
        var instructor = InstructorOption();
        var build = new Command("build", "Build the site into a folder (default _site).") { output, instructor };
        build.SetAction(parse =>
        {
            if (!TryPaths(out var paths))
            {
                return 1;
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var result = new SiteBuilder(Options(paths, parse.GetValue(output)!, parse.GetValue(instructor))).Build();
                Console.WriteLine($"Built {result.LessonCount} lessons and {result.ExerciseCount} exercise pages ({result.Files.Count} files) into {result.OutputDirectory} in {clock.ElapsedMilliseconds} ms.");
                Console.WriteLine($"Open {Path.Combine(result.OutputDirectory, "index.html")} in a browser, or run `{CliName.Command("site serve")}`.");
                return 0;
            }
            catch (Exception ex) when (ex is LessonFormatException or SiteBuildException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return build;
    }

    private static Command Serve()
    {
        var output = OutOption();
        var instructor = InstructorOption();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 8080 };
        var serve = new Command("serve", "Build the site, serve it on 127.0.0.1 and rebuild when lessons or exercises change.") { output, instructor, port };
        serve.SetAction(async (parse, cancel) =>
        {
            if (!TryPaths(out var paths))
            {
                return 1;
            }

            using var server = new SiteServer(Options(paths, parse.GetValue(output)!, parse.GetValue(instructor)), parse.GetValue(port));
            server.Rebuilt += message => Console.WriteLine(message);
            try
            {
                server.Start();
            }
            catch (System.Net.HttpListenerException ex)
            {
                Console.Error.WriteLine($"Cannot listen on {server.Address}: {ex.Message}. Choose another port with --port.");
                return 1;
            }

            Console.WriteLine($"Serving {server.Address} (Ctrl+C to stop); watching lessons/ and exercises/.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }

            return 0;
        });
        return serve;
    }

    private static Option<string> OutOption() =>
        new("--out") { Description = "Output folder.", DefaultValueFactory = _ => "_site" };

    private static Option<bool> InstructorOption() =>
        new("--instructor") { Description = "Build the instructor view (instructor notes shown)." };

    private static SiteOptions Options(CoursePaths paths, string output, bool instructor) => new()
    {
        LessonsDirectory = paths.Lessons,
        ExercisesDirectory = paths.Exercises,
        OutputDirectory = Path.GetFullPath(output),
        Instructor = instructor,
    };

    internal static bool TryPaths(out CoursePaths paths)
    {
        try
        {
            paths = CoursePaths.Find(Environment.CurrentDirectory);
            return true;
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine(ex.Message);
            paths = null!;
            return false;
        }
    }
}
