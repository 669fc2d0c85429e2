using System.Text.Json;

namespace Course.Sandbox.Sources.EventBridge.Patterns;

/// <summary>An object in a pattern: fields that must all match, and <c>$or</c> groups of which one alternative must match.</summary>
internal sealed class PatternNode(IReadOnlyList<PatternField> fields, IReadOnlyList<PatternNode> orAlternatives)
{
    public IReadOnlyList<PatternField> Fields { get; } = fields;

    public IReadOnlyList<PatternNode> OrAlternatives { get; } = orAlternatives;

    public bool Matches(JsonElement eventObject)
    {
        foreach (var field in Fields)
        {
            if (!field.Matches(eventObject))
            {
                return false;
            }
        }

        if (OrAlternatives.Count == 0)
        {
            return true;
        }

        foreach (var alternative in OrAlternatives)
        {
            if (alternative.Matches(eventObject))
            {
                return true;
            }
        }

        return false;
    }
}
