namespace Course.Cli.Commands.Export;

/// <summary>Bad input to <c>course export</c>: printed as is, exit code 2.</summary>
internal sealed class ExportException(string message) : Exception(message);
