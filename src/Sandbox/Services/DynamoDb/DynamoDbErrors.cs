namespace Course.Sandbox.Services.DynamoDb;

/// <summary>Factories for DynamoDB's errors, with DynamoDB's own wording.</summary>
internal static class DynamoDbErrors
{
    public static DynamoDbException Validation(string message) => new("ValidationException", message);

    public static DynamoDbException ResourceNotFound() => new("ResourceNotFoundException", "Requested resource not found");

    public static DynamoDbException ConditionalCheckFailed() => new("ConditionalCheckFailedException", "The conditional request failed");

    public static DynamoDbException KeyMismatch() => Validation("The provided key element does not match the schema");

    public static DynamoDbException InvalidExpression(string kind, string detail) => Validation($"Invalid {kind}: {detail}");
}
