namespace Course.Sandbox.Events.Generate;

/// <summary>
/// What to put in a generated DynamoDB stream record. Attribute values are plain .NET values: strings become
/// <c>S</c>, numbers <c>N</c>, booleans <c>BOOL</c>, null <c>NULL</c>, byte arrays <c>B</c>, string lists <c>SS</c>.
/// </summary>
public sealed class DynamoDbEventOptions
{
    /// <summary>The table name. The default is <c>Example-Table</c>.</summary>
    public string TableName { get; init; } = "Example-Table";

    /// <summary>The key attributes. The default is <c>Id = "101"</c>.</summary>
    public IReadOnlyDictionary<string, object?> Keys { get; init; } = new Dictionary<string, object?> { ["Id"] = "101" };

    /// <summary>The item after the change (the keys are added). The default is the keys plus <c>Message = "New item!"</c>.</summary>
    public IReadOnlyDictionary<string, object?>? NewImage { get; init; }

    /// <summary>The item before the change, for MODIFY and REMOVE (the keys are added). The default is the keys plus <c>Message = "Old item"</c>.</summary>
    public IReadOnlyDictionary<string, object?>? OldImage { get; init; }

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>. The default is <c>INSERT</c>.</summary>
    public string EventName { get; init; } = "INSERT";

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>. The default is <c>NEW_AND_OLD_IMAGES</c>.</summary>
    public string StreamViewType { get; init; } = "NEW_AND_OLD_IMAGES";
}
