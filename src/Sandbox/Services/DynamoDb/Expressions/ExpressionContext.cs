using System.Text.Json;

namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>
/// The ExpressionAttributeNames and ExpressionAttributeValues of one request: validates their keys,
/// resolves placeholders for the parser, and after every expression of the request is parsed,
/// reports placeholders that were supplied but never used (DynamoDB rejects those).
/// </summary>
internal sealed class ExpressionContext
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DynamoValue> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedValues = new(StringComparer.Ordinal);
    private readonly bool _namesGiven;
    private readonly bool _valuesGiven;

    public ExpressionContext(JsonElement request)
    {
        if (request.TryGetProperty("ExpressionAttributeNames", out var names) && names.ValueKind == JsonValueKind.Object)
        {
            _namesGiven = true;
            foreach (var p in names.EnumerateObject())
            {
                if (p.Name.Length < 2 || p.Name[0] != '#')
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{p.Name}\"");
                }

                _names[p.Name] = p.Value.GetString() ?? string.Empty;
            }

            if (_names.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeNames must not be empty");
            }
        }

        if (request.TryGetProperty("ExpressionAttributeValues", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            _valuesGiven = true;
            foreach (var p in values.EnumerateObject())
            {
                if (p.Name.Length < 2 || p.Name[0] != ':')
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{p.Name}\"");
                }

                _values[p.Name] = DynamoValue.Parse(p.Value);
            }

            if (_values.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeValues must not be empty");
            }
        }
    }

    /// <summary>Whether ExpressionAttributeNames or ExpressionAttributeValues were supplied at all.</summary>
    public bool AnyGiven => _namesGiven || _valuesGiven;

    public string ResolveName(string placeholder, string expressionKind)
    {
        if (!_names.TryGetValue(placeholder, out var name))
        {
            throw DynamoDbErrors.InvalidExpression(expressionKind, $"An expression attribute name used in the document path is not defined; attribute name: {placeholder}");
        }

        _usedNames.Add(placeholder);
        return name;
    }

    public DynamoValue ResolveValue(string placeholder, string expressionKind)
    {
        if (!_values.TryGetValue(placeholder, out var value))
        {
            throw DynamoDbErrors.InvalidExpression(expressionKind, $"An expression attribute value used in expression is not defined; attribute value: {placeholder}");
        }

        _usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Throws DynamoDB's error when a supplied placeholder was never used by any expression of the request.</summary>
    public void EnsureAllUsed(bool anyExpression)
    {
        if (!anyExpression && _namesGiven)
        {
            throw DynamoDbErrors.Validation("ExpressionAttributeNames can only be specified when using expressions");
        }

        if (!anyExpression && _valuesGiven)
        {
            throw DynamoDbErrors.Validation("ExpressionAttributeValues can only be specified when using expressions");
        }

        var unusedValues = _values.Keys.Where(k => !_usedValues.Contains(k)).ToList();
        if (unusedValues.Count > 0)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }

        var unusedNames = _names.Keys.Where(k => !_usedNames.Contains(k)).ToList();
        if (unusedNames.Count > 0)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }
    }
}
