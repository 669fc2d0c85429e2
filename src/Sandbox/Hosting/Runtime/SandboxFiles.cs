using System.Text;

namespace Course.Sandbox.Hosting.Runtime;

/// <summary>
/// Each execution environment's own <c>/tmp</c> (ENV_02): the grader's compiler routes the learner's file paths through
/// <see cref="Map"/>, so <c>/tmp/x</c> is a folder of that environment only — kept while it is warm, gone when it shuts
/// down, invisible to other environments, other simulations and later runs — and its size limit (the function's
/// ephemeral storage, 512 MB by default) is enforced with the <see cref="IOException"/> a full disk gives
/// (<c>No space left on device</c>). Outside an invocation paths are left as they are.
/// </summary>
public static class SandboxFiles
{
    private const string Tmp = "/tmp";

    private static Environments.ExecutionEnvironment? Environment => InvocationScope.Current?.Environment;

    /// <summary>Replaces <c>Path.GetTempPath()</c>: <c>/tmp/</c>, as on Lambda.</summary>
    public static string GetTempPath() => Environment is null ? Path.GetTempPath() : Tmp + "/";

    /// <summary>The real location of <paramref name="path"/> for the running environment.</summary>
    public static string Map(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Environment is not { } env)
        {
            return path;
        }
        if (path != Tmp && !path.StartsWith(Tmp + "/", StringComparison.Ordinal))
        {
            return path;
        }
        if (!Directory.Exists(env.TmpRoot))
        {
            Directory.CreateDirectory(env.TmpRoot);
        }
        return env.TmpRoot + path[Tmp.Length..];
    }

    /// <summary>The path the handler knows for a real location (inverse of <see cref="Map"/>).</summary>
    public static string Unmap(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Environment is not { } env)
        {
            return path;
        }
        return path.StartsWith(env.TmpRoot, StringComparison.Ordinal) ? Tmp + path[env.TmpRoot.Length..] : path;
    }

    /// <summary>Paths listed by a directory query, as the handler knows them.</summary>
    public static string[] Unmap(string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Environment is null ? paths : [.. paths.Select(Unmap)];
    }

    /// <summary>Paths listed by a lazy directory query, as the handler knows them.</summary>
    public static IEnumerable<string> Unmap(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Environment is null ? paths : paths.Select(Unmap);
    }

    /// <summary>Replaces <c>File.WriteAllText</c>.</summary>
    public static void WriteAllText(string path, string? contents) => WriteAllText(path, contents, Encoding.UTF8);

    /// <summary>Replaces <c>File.WriteAllText</c> with an encoding.</summary>
    public static void WriteAllText(string path, string? contents, Encoding encoding)
    {
        var target = Reserve(path, encoding.GetByteCount(contents ?? ""), replacing: true);
        File.WriteAllText(target, contents, encoding);
    }

    /// <summary>Replaces <c>File.AppendAllText</c>.</summary>
    public static void AppendAllText(string path, string? contents) => AppendAllText(path, contents, Encoding.UTF8);

    /// <summary>Replaces <c>File.AppendAllText</c> with an encoding.</summary>
    public static void AppendAllText(string path, string? contents, Encoding encoding)
    {
        var target = Reserve(path, encoding.GetByteCount(contents ?? ""), replacing: false);
        File.AppendAllText(target, contents, encoding);
    }

    /// <summary>Replaces <c>File.WriteAllBytes</c>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var target = Reserve(path, bytes.LongLength, replacing: true);
        File.WriteAllBytes(target, bytes);
    }

    /// <summary>Replaces <c>File.WriteAllLines</c>.</summary>
    public static void WriteAllLines(string path, IEnumerable<string> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var lines = contents.ToList();
        var target = Reserve(path, lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1), replacing: true);
        File.WriteAllLines(target, lines);
    }

    /// <summary>Replaces <c>File.AppendAllLines</c>.</summary>
    public static void AppendAllLines(string path, IEnumerable<string> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var lines = contents.ToList();
        var target = Reserve(path, lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1), replacing: false);
        File.AppendAllLines(target, lines);
    }

    /// <summary>Replaces <c>File.Copy</c>.</summary>
    public static void Copy(string sourceFileName, string destFileName) => Copy(sourceFileName, destFileName, overwrite: false);

    /// <summary>Replaces <c>File.Copy</c> with overwrite.</summary>
    public static void Copy(string sourceFileName, string destFileName, bool overwrite)
    {
        var source = Map(sourceFileName);
        var target = Reserve(destFileName, File.Exists(source) ? new FileInfo(source).Length : 0, replacing: true);
        File.Copy(source, target, overwrite);
    }

    /// <summary>Replaces <c>File.Create</c>: a stream whose writes count against the environment's /tmp size.</summary>
    public static FileStream Create(string path) => Open(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);

    /// <summary>Replaces <c>File.OpenWrite</c>.</summary>
    public static FileStream OpenWrite(string path) => Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);

    /// <summary>Replaces <c>File.Open(path, mode)</c>.</summary>
    public static FileStream Open(string path, FileMode mode) =>
        Open(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, FileShare.None);

    /// <summary>Replaces <c>File.Open(path, mode, access)</c>.</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access) => Open(path, mode, access, FileShare.None);

    /// <summary>Replaces <c>File.Open(path, mode, access, share)</c> and <c>new FileStream(path, mode, access, share)</c>.</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share)
    {
        var target = Map(path);
        if (Environment is not { } env || access == FileAccess.Read)
        {
            return new FileStream(target, mode, access, share);
        }
        return new QuotaFileStream(env, path, target, mode, access, share);
    }

    /// <summary>Replaces <c>new StreamWriter(path)</c> and <c>new StreamWriter(path, append)</c>.</summary>
    public static StreamWriter CreateWriter(string path, bool append = false) =>
        new(Open(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));

    /// <summary>Bytes used in the environment's /tmp.</summary>
    internal static long Used(string root) =>
        Directory.Exists(root) ? new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    /// <summary>Checks that <paramref name="bytes"/> more fit in /tmp and returns the real path.</summary>
    private static string Reserve(string path, long bytes, bool replacing)
    {
        var target = Map(path);
        if (Environment is not { } env || ReferenceEquals(target, path))
        {
            return target;
        }
        var freed = replacing && File.Exists(target) ? new FileInfo(target).Length : 0;
        if (Used(env.TmpRoot) - freed + bytes > env.TmpLimitBytes)
        {
            throw DiskFull(path);
        }
        return target;
    }

    /// <summary>The error a write past the ephemeral storage size gets, as a full disk reports it on Linux.</summary>
    internal static IOException DiskFull(string path) => new($"No space left on device : '{path}'", unchecked((int)0x8007001C));

    /// <summary>A file stream whose writes stop at the environment's /tmp size.</summary>
    private sealed class QuotaFileStream(Environments.ExecutionEnvironment env, string shown, string path, FileMode mode, FileAccess access, FileShare share)
        : FileStream(path, mode, access, share)
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override void SetLength(long value)
        {
            Check(Math.Max(0, value - Length));
            base.SetLength(value);
        }

        private void Check(long more)
        {
            var grows = Math.Max(0, Position + more - Length);
            if (grows > 0 && Used(env.TmpRoot) + grows > env.TmpLimitBytes)
            {
                throw DiskFull(shown);
            }
        }
    }
}
