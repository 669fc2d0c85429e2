namespace Course.Cli.Commands.Local;

/// <summary>Bad input to a <c>local</c> verb: printed as is, exit code 2.</summary>
internal sealed class LocalInputException(string message) : Exception(message);
