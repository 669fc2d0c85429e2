using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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

        var path = Path.Combine(_directory, key + ".json");
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllBytes(path));
            if (entry is null)
            {
                return null;
            }

            unit = new CompiledUnit(entry.Assembly, entry.Pdb, entry.CheckCode);
            _memory[key] = unit;
            return unit;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;   // a damaged or unreadable entry is a miss
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
            var path = Path.Combine(_directory, key + ".json");
            var temp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(new Entry(unit.Assembly, unit.Pdb, new Dictionary<string, string>(unit.CheckCode))));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: a read-only or full disk only costs speed.
        }
    }

    private sealed record Entry(byte[] Assembly, byte[] Pdb, Dictionary<string, string> CheckCode);
}
