using System.Text.Json.Serialization;

namespace Course.Grading.Isolation;

/// <summary>
/// Source-generated JSON metadata for the grader ↔ worker protocol: no reflection and no run-time code
/// generation, so neither process spends its start-up JIT-compiling serializers (hundreds of methods otherwise).
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, WriteIndented = false)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(CheckOutcome))]
[JsonSerializable(typeof(WorkerSummary))]
[JsonSerializable(typeof(WorkerCrash))]
[JsonSerializable(typeof(string))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext
{
}
