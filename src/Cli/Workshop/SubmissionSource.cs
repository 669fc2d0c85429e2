using System.Diagnostics;
using System.IO.Compression;

namespace Course.Cli.Workshop;

/// <summary>
/// Finds the submissions in a folder (one entry per student: a folder, a <c>.zip</c>, or a git repository — a folder
/// with <c>.git</c>, or a bare <c>name.git</c>) and makes each available as a folder: zips are extracted and bare
/// repositories cloned into a scratch folder (with size and path checks: an entry cannot write outside it).
/// The student's course copy may sit at the entry's top or one folder down (a zip of <c>ada/</c>).
/// </summary>
internal sealed class SubmissionSource(string scratch)
{
    /// <summary>Most bytes a zip may expand to.</summary>
    public const long MaxExtractedBytes = 64L * 1024 * 1024;

    /// <summary>Most entries a zip may have.</summary>
    public const int MaxEntries = 5_000;

    /// <summary>Lists the submissions in a folder, sorted by student name (ordinal).</summary>
    /// <param name="folder">The submissions folder.</param>
    /// <returns>The entries' paths.</returns>
    public static IReadOnlyList<string> Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder)
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .Where(p => Directory.Exists(p) || p.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => StudentName(p), StringComparer.Ordinal)
            .ToList();

    /// <summary>The student's name for an entry.</summary>
    /// <param name="entry">The entry's path.</param>
    /// <returns>The name.</returns>
    public static string StudentName(string entry)
    {
        var name = Path.GetFileName(entry.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        foreach (var extension in new[] { ".zip", ".git" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && name.Length > extension.Length)
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }

    /// <summary>Opens one entry (never throws: a problem is part of the result).</summary>
    /// <param name="entry">The entry's path.</param>
    /// <returns>The submission.</returns>
    public Submission Open(string entry)
    {
        var student = StudentName(entry);
        try
        {
            string folder;
            if (File.Exists(entry))
            {
                folder = Path.Combine(scratch, "zip", student);
                Extract(entry, folder);
            }
            else if (IsBareRepository(entry))
            {
                folder = Path.Combine(scratch, "git", student);
                Clone(entry, folder);
            }
            else
            {
                folder = entry;
            }

            return new Submission(student, FindCourseRoot(folder), null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or SubmissionException)
        {
            return new Submission(student, null, e.Message);
        }
    }

    /// <summary>The folder holding <c>exercises/</c>: the entry itself, or its single subfolder (a zip of <c>ada/</c>).</summary>
    private static string FindCourseRoot(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "exercises")))
        {
            return folder;
        }

        var children = Directory.GetDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        return children.Count == 1 && Directory.Exists(Path.Combine(children[0], "exercises")) ? children[0] : folder;
    }

    private static bool IsBareRepository(string folder) =>
        File.Exists(Path.Combine(folder, "HEAD")) && Directory.Exists(Path.Combine(folder, "objects")) && !Directory.Exists(Path.Combine(folder, "exercises"));

    private static void Extract(string zip, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
        using var archive = ZipFile.OpenRead(zip);
        if (archive.Entries.Count > MaxEntries)
        {
            throw new SubmissionException($"the zip has {archive.Entries.Count} entries (at most {MaxEntries}).");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var path = Path.GetFullPath(Path.Combine(target, entry.FullName));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new SubmissionException($"the zip entry '{entry.FullName}' points outside the archive; not extracted.");
            }

            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(path);
                continue;
            }

            total += entry.Length;
            if (total > MaxExtractedBytes)
            {
                throw new SubmissionException($"the zip expands to more than {MaxExtractedBytes / (1024 * 1024)} MB; not extracted.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
        }
    }

    private static void Clone(string repository, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "protocol.file.allow=always", "clone", "--quiet", "--no-hardlinks", "--depth", "1", "file://" + Path.GetFullPath(repository), target })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var git = Process.Start(start) ?? throw new SubmissionException("git could not be started.");
        var error = git.StandardError.ReadToEndAsync();
        _ = git.StandardOutput.ReadToEndAsync();
        if (!git.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            git.Kill(entireProcessTree: true);
            throw new SubmissionException("git clone did not finish within 60 s.");
        }

        if (git.ExitCode != 0)
        {
            throw new SubmissionException($"git clone failed: {error.Result.Trim()}");
        }
    }
}
