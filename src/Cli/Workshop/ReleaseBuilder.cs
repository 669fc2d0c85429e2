namespace Course.Cli.Workshop;

/// <summary>
/// Makes the student copy of the course (<c>course workshop release</c>): the tool's sources, the lessons without
/// their instructor notes (those stay in the instructor site, <c>site build --instructor</c>), the notebooks,
/// the exercises without <c>solution/</c>, and the root scripts. Left out: the tests (with the deliberately
/// wrong handlers), benchmarks, CI, git history and build output.
/// </summary>
internal static class ReleaseBuilder
{
    /// <summary>Top-level entries copied (when present).</summary>
    public static readonly string[] Included =
    [
        "src", "eng", "exercises", "lessons", "notebooks", "README.md", "Directory.Build.props", "Directory.Packages.props",
        "global.json", ".gitignore", "course", "course.cmd", "grade", "grade.cmd", "docs", "bin",
    ];

    /// <summary>Folder names never copied, wherever they are.</summary>
    public static readonly string[] Excluded = ["bin", "obj", ".build", ".git", "solution", "TestResults", "BenchmarkDotNet.Artifacts"];

    /// <summary>Writes the release.</summary>
    /// <param name="root">The course root.</param>
    /// <param name="output">The output folder: must not exist or be empty, and must not be inside the course's source folders.</param>
    /// <returns>How many files were written.</returns>
    /// <exception cref="ArgumentException">The output folder is not usable (the message says why and what to do).</exception>
    public static int Write(string root, string output)
    {
        var full = Path.GetFullPath(output);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new ArgumentException($"'{output}' is not empty; choose a new folder with --out, or empty it.");
        }

        foreach (var included in Included)
        {
            var source = Path.GetFullPath(Path.Combine(root, included));
            if (full.StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal) || full == source)
            {
                throw new ArgumentException($"'{output}' is inside the course's {included}/ folder; choose a folder outside it.");
            }
        }

        Directory.CreateDirectory(full);
        var count = 0;
        foreach (var name in Included)
        {
            var source = Path.Combine(root, name);
            var target = Path.Combine(full, name);
            if (File.Exists(source))
            {
                CopyFile(source, target);
                count++;
            }
            else if (Directory.Exists(source) && name != "bin")
            {
                count += CopyTree(source, target, name == "lessons");
            }
            else if (Directory.Exists(source))
            {
                // bin/ at the root holds scripts (Exercism's run.sh), not build output.
                count += CopyTree(source, target, false, excludeBin: false);
            }
        }

        return count;
    }

    /// <summary>Removes <c>:::instructor</c> … <c>:::</c> blocks (nested directives inside them included) from a lesson.</summary>
    /// <param name="markdown">The lesson's Markdown.</param>
    /// <returns>The lesson without instructor notes.</returns>
    public static string StripInstructorNotes(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>(lines.Length);
        var depth = 0;
        var fence = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (depth > 0)
            {
                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    fence = !fence;
                }
                else if (!fence && trimmed.StartsWith(":::", StringComparison.Ordinal))
                {
                    depth += trimmed.TrimEnd() == ":::" ? -1 : 1;
                }

                continue;
            }

            if (trimmed.StartsWith(":::instructor", StringComparison.Ordinal))
            {
                depth = 1;
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static int CopyTree(string source, string target, bool lessons, bool excludeBin = true)
    {
        var count = 0;
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (Excluded.Contains(name, StringComparer.Ordinal) && (excludeBin || name != "bin"))
            {
                continue;
            }

            count += CopyTree(directory, Path.Combine(target, name), lessons, excludeBin);
        }

        foreach (var file in Directory.GetFiles(source))
        {
            var destination = Path.Combine(target, Path.GetFileName(file));
            if (lessons && file.EndsWith(".md", StringComparison.Ordinal))
            {
                File.WriteAllText(destination, StripInstructorNotes(File.ReadAllText(file)));
            }
            else
            {
                CopyFile(file, destination);
            }

            count++;
        }

        return count;
    }

    private static void CopyFile(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        }
    }
}
