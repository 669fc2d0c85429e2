using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Course.Grading.Compilation;

/// <summary>
/// The metadata references learner code and exercise checks compile against, built once per process
/// and shared by every compilation (Roslyn caches symbol tables per reference object, so reuse keeps
/// later compilations warm).
/// </summary>
internal static class ReferenceCatalog
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LearnerLazy = new(BuildLearner);
    private static readonly Lazy<ImmutableArray<MetadataReference>> ChecksLazy = new(BuildChecks);

    /// <summary>.NET 10 reference assemblies, Course.Lambda, the AWS SDK (Core, S3, SQS, DynamoDBv2) and the sandbox's service clients.</summary>
    public static ImmutableArray<MetadataReference> Learner => LearnerLazy.Value;

    /// <summary>The learner set plus the grader's check API (Course.Grading) and the engine (Course.Sandbox).</summary>
    public static ImmutableArray<MetadataReference> Checks => ChecksLazy.Value;

    private static ImmutableArray<MetadataReference> BuildLearner()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        foreach (var assembly in new[]
                 {
                     typeof(Course.Lambda.Core.ILambdaContext).Assembly,
                     typeof(Amazon.Runtime.AmazonServiceClient).Assembly,
                     typeof(Amazon.S3.AmazonS3Client).Assembly,
                     typeof(Amazon.SQS.AmazonSQSClient).Assembly,
                     typeof(Amazon.DynamoDBv2.AmazonDynamoDBClient).Assembly,

                     // The sandbox's clients for services without an AWS SDK package here (SNS...), named like the SDK's.
                     // They live in the engine assembly; the safety rule SBX008 keeps handlers to Course.Sandbox.Clients.*.
                     typeof(Course.Sandbox.Simulation).Assembly,
                 })
        {
            builder.Add(FromAssembly(assembly));
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> BuildChecks() =>
        Learner.Add(FromAssembly(typeof(ReferenceCatalog).Assembly));

    private static MetadataReference FromAssembly(System.Reflection.Assembly assembly)
    {
        if (string.IsNullOrEmpty(assembly.Location))
        {
            throw new InvalidOperationException($"Assembly {assembly.GetName().Name} has no file location; the grader cannot reference it (single-file publish is not supported).");
        }

        return MetadataReference.CreateFromFile(assembly.Location);
    }
}
