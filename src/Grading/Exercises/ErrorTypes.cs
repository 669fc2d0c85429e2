using System.Collections.Concurrent;

namespace Course.Grading.Exercises;

/// <summary>
/// Turns the error type an invocation recorded (the exception's short name, as Lambda's .NET runtime reports it)
/// into the name of a type a learner can catch: internal exception types such as System.Text.Json's
/// <c>JsonReaderException</c> do not compile in a <c>catch</c>, so advice names their nearest public base type.
/// </summary>
internal static class ErrorTypes
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The nearest public exception type for a recorded error type; the name itself when it is public or unknown.</summary>
    /// <param name="errorType">The recorded error type, e.g. <c>JsonReaderException</c>.</param>
    /// <returns>E.g. <c>JsonException</c>.</returns>
    public static string Catchable(string errorType) => Cache.GetOrAdd(errorType, Resolve);

    private static string Resolve(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (System.Reflection.ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t is not null).ToArray()!;
            }

            foreach (var type in types)
            {
                if ((type.Name == name || type.FullName == name) && typeof(Exception).IsAssignableFrom(type))
                {
                    var visible = type;
                    while (!visible.IsVisible && visible.BaseType is { } parent)
                    {
                        visible = parent;
                    }

                    return visible.Name;
                }
            }
        }

        return name;
    }
}
