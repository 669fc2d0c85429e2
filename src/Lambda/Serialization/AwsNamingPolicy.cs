using System.Text.Json;

namespace Course.Lambda.Serialization.SystemTextJson;

/// <summary>
/// The naming policy of the Lambda .NET runtime's default serializer: the first letter of a property name
/// is lower-cased unless the property carries a <c>[JsonPropertyName]</c>.
/// </summary>
public sealed class AwsNamingPolicy : JsonNamingPolicy
{
    /// <inheritdoc />
    public override string ConvertName(string name) =>
        string.IsNullOrEmpty(name) || !char.IsUpper(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
