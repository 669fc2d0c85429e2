using System.Text.Json.Serialization;

namespace Course.Cli.Exercises;

/// <summary>Source-generated JSON for <see cref="ProgressRecord"/> (no reflection at startup).</summary>
[JsonSerializable(typeof(ProgressRecord))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ProgressJson : JsonSerializerContext;
