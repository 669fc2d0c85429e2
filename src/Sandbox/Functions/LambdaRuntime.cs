namespace Course.Sandbox.Functions;

/// <summary>Runtime identifiers the sandbox knows, as Lambda spells them.</summary>
public static class LambdaRuntime
{
    /// <summary>.NET 8 managed runtime.</summary>
    public const string DotNet8 = "dotnet8";

    /// <summary>.NET 10 managed runtime.</summary>
    public const string DotNet10 = "dotnet10";

    /// <summary>OS-only runtime (Amazon Linux 2023), used for Native AOT .NET, Go and Rust.</summary>
    public const string ProvidedAl2023 = "provided.al2023";

    /// <summary>Python 3.12.</summary>
    public const string Python312 = "python3.12";

    /// <summary>Python 3.13.</summary>
    public const string Python313 = "python3.13";

    /// <summary>Node.js 22.</summary>
    public const string NodeJs22 = "nodejs22.x";

    /// <summary>Java 21.</summary>
    public const string Java21 = "java21";

    /// <summary>Every known identifier.</summary>
    public static IReadOnlyList<string> All { get; } = [DotNet8, DotNet10, ProvidedAl2023, Python312, Python313, NodeJs22, Java21];

    /// <summary>Runtimes that support SnapStart (Java 11+, Python 3.12+, .NET 8+; ENV_07).</summary>
    public static bool SupportsSnapStart(string runtime) =>
        runtime is DotNet8 or DotNet10 or Python312 or Python313 or Java21;
}
