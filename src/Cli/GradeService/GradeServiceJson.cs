using System.Text.Json.Serialization;

namespace Course.Cli.GradeService;

/// <summary>Source-generated JSON for the grade server's one-line messages.</summary>
[JsonSerializable(typeof(GradeRequest))]
[JsonSerializable(typeof(GradeResponse))]
internal sealed partial class GradeServiceJson : JsonSerializerContext;
