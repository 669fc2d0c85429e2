namespace Course.Sandbox.Templates.Deploy;

/// <summary>What a template says about a function's code, for the caller that turns it into a handler.</summary>
/// <param name="LogicalId">The function's logical id.</param>
/// <param name="FunctionName">The deployed function's name.</param>
/// <param name="Handler">The handler string (<c>Assembly::Namespace.Type::Method</c> for .NET).</param>
/// <param name="Runtime">The runtime (<c>dotnet8</c>…).</param>
/// <param name="CodeDirectory">The CodeUri folder, resolved against the template's folder; null for InlineCode.</param>
/// <param name="InlineCode">The InlineCode, when given.</param>
public sealed record FunctionCode(string LogicalId, string FunctionName, string Handler, string Runtime, string? CodeDirectory, string? InlineCode);
