namespace Course.Sandbox.Functions;

/// <summary>A message Lambda sends to a destination or dead-letter queue.</summary>
/// <param name="Body">The JSON body: the invocation record (destinations) or the original event (DLQ).</param>
/// <param name="Attributes">Message attributes; for a DLQ, <c>RequestID</c>, <c>ErrorCode</c> and <c>ErrorMessage</c>.</param>
public sealed record AsyncDelivery(string Body, IReadOnlyDictionary<string, string> Attributes);
