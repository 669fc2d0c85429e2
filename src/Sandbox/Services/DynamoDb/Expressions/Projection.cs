namespace Course.Sandbox.Services.DynamoDb.Expressions;

/// <summary>Keeps only the given document paths of an item (ProjectionExpression, UPDATED_OLD / UPDATED_NEW).</summary>
internal static class Projection
{
    public static Dictionary<string, DynamoValue> Apply(Dictionary<string, DynamoValue> item, IEnumerable<DocumentPath> paths)
    {
        var result = new Dictionary<string, DynamoValue>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (ConditionEvaluator.Resolve(item, path) is not { } value)
            {
                continue;
            }

            if (path.Elements.Count == 1)
            {
                result[path.Root] = value.Clone();
                continue;
            }

            // Rebuild the containers along the path; list elements selected by index are gathered in order.
            var source = item[path.Root];
            if (!result.TryGetValue(path.Root, out var target))
            {
                target = Empty(source);
                result[path.Root] = target;
            }

            for (var i = 1; i < path.Elements.Count; i++)
            {
                var step = path.Elements[i];
                source = step.Name is not null ? source.Map![step.Name] : source.List![step.Index];
                var lastStep = i == path.Elements.Count - 1;
                var next = lastStep ? source.Clone() : Empty(source);
                if (step.Name is not null)
                {
                    if (lastStep || !target.Map!.TryGetValue(step.Name, out var existing))
                    {
                        target.Map![step.Name] = next;
                    }
                    else
                    {
                        next = existing;
                    }
                }
                else
                {
                    target.List!.Add(next);
                }

                target = next;
            }
        }

        return result;
    }

    private static DynamoValue Empty(DynamoValue like) => like.Type == DynamoType.M
        ? DynamoValue.FromMap(new Dictionary<string, DynamoValue>(StringComparer.Ordinal))
        : DynamoValue.FromList([]);
}
