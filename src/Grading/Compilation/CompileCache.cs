using System.Security.Cryptography;
using System.Text;

namespace Course.Grading.Compilation;

/// <summary>
/// Remembers successful compiles, in memory and on disk, keyed by a hash of the sources, the compile mode
/// and the grader's own build (so a rebuilt grader never reuses stale output). Compiles are deterministic,
/// so a hit gives exactly the bytes a fresh compile would; a grade of an unchanged file skips Roslyn.
/// Only compiler output is stored, under the cache folder: learner files are never written.
/// </summary>
internal sealed class CompileCache
{
    private static readonly Lazy<string> ToolVersion = new(() =>
    {
        var ids = string.Join(",", new[]
        {
            typeof(CompileCache).Assembly,
            typeof(Course.Sandbox.Simulation).Assembly,
            typeof(Course.Lambda.Core.ILambdaContext).Assembly,
        }.Select(a => a.ManifestModule.ModuleVersionId.ToString("N")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
    });

    private readonly Dictionary<string, CompiledUnit> _memory = new(StringComparer.Ordinal);
    private readonly string? _directory;

    /// <summary>Creates a cache.</summary>
    /// <param name="directory">The disk folder, or null for memory only.</param>
    public CompileCache(string? directory)
    {
        _directory = directory is null ? null : Path.Combine(directory, ToolVersion.Value);
    }

    /// <summary>The default disk folder: $COURSE_GRADE_CACHE, else a per-user folder under the temp directory.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("COURSE_GRADE_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), $"course-grade-cache-{Environment.UserName}");

    public static string Key(string kind, IEnumerable<SourceFile> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(kind + "\0"));
        foreach (var source in sources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.Path + "\0" + source.Text + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public CompiledUnit? TryGet(string key)
    {
        if (_memory.TryGetValue(key, out var unit))
        {
            return unit;
        }

        if (_directory is null)
        {
            return null;
        }

        var path = Path.Combine(_directory, key + FileExtension);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            unit = Decode(File.ReadAllBytes(path));
            if (unit is null)
            {
                return null;
            }

            _memory[key] = unit;
            return unit;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;   // an unreadable entry is a miss
        }
    }

    public void Put(string key, CompiledUnit unit)
    {
        _memory[key] = unit;
        if (_directory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(_directory);
            var path = Path.Combine(_directory, key + FileExtension);
            var temp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, Encode(unit));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: a read-only or full disk only costs speed.
        }
    }

    /// <summary>
    /// One entry as bytes: a magic number, the assembly, the PDB, then the checks' source by id (length-prefixed).
    /// A plain binary layout: reading it costs no serializer start-up in the grader's critical path.
    /// </summary>
    internal static byte[] Encode(CompiledUnit unit)
    {
        using var stream = new MemoryStream(unit.Assembly.Length + unit.Pdb.Length + 1024);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(unit.Assembly.Length);
            writer.Write(unit.Assembly);
            writer.Write(unit.Pdb.Length);
            writer.Write(unit.Pdb);
            writer.Write(unit.CheckCode.Count);
            foreach (var (id, code) in unit.CheckCode.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(id);
                writer.Write(code);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads an entry written by <see cref="Encode"/>; null when the bytes are damaged or from another format.</summary>
    internal static CompiledUnit? Decode(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadInt32() != Magic)
            {
                return null;
            }

            var assembly = ReadBlob(reader);
            var pdb = ReadBlob(reader);
            var count = reader.ReadInt32();
            if (assembly is null || pdb is null || count < 0 || count > 100_000)
            {
                return null;
            }

            var code = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                code[reader.ReadString()] = reader.ReadString();
            }

            return reader.BaseStream.Position == bytes.Length ? new CompiledUnit(assembly, pdb, code) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;   // a damaged entry is a miss
        }
    }

    private static byte[]? ReadBlob(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            return null;
        }

        return reader.ReadBytes(length);
    }

    /// <summary>"CGC1" little-endian: the entry format's version (a format change changes the extension's meaning).</summary>
    private const int Magic = 0x31434743;

    private const string FileExtension = ".bin";
}
