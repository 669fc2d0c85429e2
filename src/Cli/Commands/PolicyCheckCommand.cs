using System.CommandLine;

namespace Course.Cli.Commands;

/// <summary>Placeholder replaced below.</summary>
internal static class PolicyCheckCommand
{
    /// <summary>Builds the <c>policy-check</c> command.</summary>
    public static Command Create() => new("policy-check", "Granted vs used actions per function");
}
