namespace Course.Sandbox.Functions;

/// <summary>A function's instruction set architecture.</summary>
public enum Architecture
{
    /// <summary>x86_64 (the default).</summary>
    X86_64,

    /// <summary>arm64 (Graviton), priced about 20 % lower per GB-second.</summary>
    Arm64,
}
