namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// An error the sandbox SQS answers with, carrying the AWS error code (e.g. <c>QueueDoesNotExist</c>,
/// <c>ReceiptHandleIsInvalid</c>, <c>InvalidParameterValue</c>) and AWS's message text. The wire endpoint turns it
/// into the JSON error the AWS SDK unmarshals into its own exception type.
/// </summary>
public sealed class SqsException : Exception
{
    /// <summary>Creates an SQS error.</summary>
    /// <param name="errorCode">The AWS error code.</param>
    /// <param name="message">AWS's message for it.</param>
    /// <param name="senderFault">True (the default) when the caller's request is at fault (HTTP 400).</param>
    public SqsException(string errorCode, string message, bool senderFault = true)
        : base(message)
    {
        ErrorCode = errorCode;
        SenderFault = senderFault;
    }

    /// <summary>The AWS error code, e.g. <c>QueueDoesNotExist</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>True when the request was at fault (HTTP 400); false for a service fault (HTTP 500).</summary>
    public bool SenderFault { get; }

    internal static SqsException QueueDoesNotExist() =>
        new("QueueDoesNotExist", "The specified queue does not exist.");

    internal static SqsException InvalidParameter(string parameter, string value, string reason) =>
        new("InvalidParameterValue", $"Value {value} for parameter {parameter} is invalid. Reason: {reason}");

    internal static SqsException InvalidAttributeValue(string name, string value, string reason) =>
        new("InvalidAttributeValue", $"Invalid value for the parameter {name}: '{value}'. Reason: {reason}");

    internal static SqsException ReceiptHandleIsInvalid(string handle) =>
        new("ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    internal static SqsException MissingParameter(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}.");
}
