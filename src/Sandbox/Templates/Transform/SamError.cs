using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>One reason the SAM transform rejects a template, in SAM's words, with where it is and how to fix it.</summary>
/// <param name="Mark">The node at fault.</param>
/// <param name="Message">SAM's text, e.g. <c>Resource with id [F] is invalid. Missing required property 'Handler'.</c></param>
/// <param name="Fix">How to fix it.</param>
public sealed record SamError(SourceMark Mark, string Message, string? Fix);
