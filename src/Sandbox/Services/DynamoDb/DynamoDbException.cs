using System.Text.Json.Nodes;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// An error answered by the sandbox's DynamoDB, carrying DynamoDB's own error code and message
/// (for example <c>ConditionalCheckFailedException</c>, "The conditional request failed").
/// The wire endpoint turns it into the JSON error the AWS SDK unmarshals into its own exception types.
/// </summary>
public sealed class DynamoDbException : Exception
{
    /// <summary>Creates an error with DynamoDB's code and message.</summary>
    /// <param name="errorCode">The error code, e.g. <c>ValidationException</c>.</param>
    /// <param name="message">The message, worded as DynamoDB words it.</param>
    /// <param name="statusCode">The HTTP status; 400 unless it is a server error.</param>
    public DynamoDbException(string errorCode, string message, int statusCode = 400)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>DynamoDB's error code (the part after <c>#</c> in the wire <c>__type</c>).</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status the wire endpoint answers with (400 for client errors, 500 for <c>InternalServerError</c>).</summary>
    public int StatusCode { get; }

    /// <summary>For <c>TransactionCanceledException</c>: one reason per transaction item (<c>Code</c>, <c>Message</c>, <c>Item</c>); otherwise null.</summary>
    public JsonArray? CancellationReasons { get; init; }

    /// <summary>For <c>ConditionalCheckFailedException</c> with ReturnValuesOnConditionCheckFailure=ALL_OLD: the item as it was; otherwise null.</summary>
    public JsonObject? Item { get; init; }
}
