using System.Text.Json;
using Course.Sandbox.Services.DynamoDb.Expressions;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>Reads members of a DynamoDB JSON request, with DynamoDB's validation messages.</summary>
internal static class RequestReader
{
    private static readonly (string Legacy, string Instead)[] LegacyParameters =
    [
        ("AttributesToGet", "ProjectionExpression"), ("KeyConditions", "KeyConditionExpression"),
        ("QueryFilter", "FilterExpression"), ("ScanFilter", "FilterExpression"), ("Expected", "ConditionExpression"),
        ("AttributeUpdates", "UpdateExpression"), ("ConditionalOperator", "ConditionExpression"),
    ];

    public static string RequiredString(JsonElement request, string member)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty(member, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");
        }

        return value.GetString()!;
    }

    public static string? OptionalString(JsonElement request, string member) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Optional(JsonElement request, string member) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static Dictionary<string, DynamoValue> RequiredItem(JsonElement request, string member)
    {
        if (Optional(request, member) is not { ValueKind: JsonValueKind.Object } value)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");
        }

        return DynamoValue.ParseItem(value);
    }

    public static string TableName(JsonElement request)
    {
        var name = RequiredString(request, "TableName");
        if (name.Length is < 3 or > 255)
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: Member must have length {(name.Length < 3 ? "greater than or equal to 3" : "less than or equal to 255")}");
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            throw DynamoDbErrors.Validation($"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }

        return name;
    }

    public static void RejectLegacy(JsonElement request)
    {
        foreach (var (legacy, instead) in LegacyParameters)
        {
            if (Optional(request, legacy) is not null)
            {
                throw DynamoDbErrors.Validation($"The sandbox's DynamoDB does not support the legacy parameter {legacy}; use {instead} instead.");
            }
        }
    }

    public static string ReturnValues(JsonElement request, params string[] allowed)
    {
        var value = OptionalString(request, "ReturnValues") ?? "NONE";
        if (!allowed.Contains(value) && value != "NONE")
        {
            throw DynamoDbErrors.Validation(allowed.Length == 1
                ? $"ReturnValues can only be {allowed[0]} or NONE"
                : $"1 validation error detected: Value '{value}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed.Prepend("NONE"))}]");
        }

        return value;
    }

    /// <summary>Parses the optional ConditionExpression of a request (null when absent).</summary>
    public static Condition? Condition(JsonElement request, ExpressionContext context, string member = "ConditionExpression") =>
        OptionalString(request, member) is { } text ? ExpressionParser.ParseCondition(text, member, context) : null;

    /// <summary>Parses the optional ProjectionExpression of a request (null when absent).</summary>
    public static IReadOnlyList<DocumentPath>? ProjectionOf(JsonElement request, ExpressionContext context) =>
        OptionalString(request, "ProjectionExpression") is { } text ? ExpressionParser.ParseProjection(text, context) : null;
}
