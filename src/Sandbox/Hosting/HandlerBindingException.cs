namespace Course.Sandbox.Hosting;

/// <summary>The handler string does not name a method Lambda could call; the message says what to change.</summary>
public sealed class HandlerBindingException : Exception
{
    private HandlerBindingException(string message) : base(message) { }

    /// <summary>The named type is not in the assembly.</summary>
    public static HandlerBindingException TypeNotFound(string typeName, IEnumerable<string> available) =>
        new($"Handler type '{typeName}' was not found. Public types in your code: {string.Join(", ", available.DefaultIfEmpty("(none)"))}. " +
            "Fix: name the class exactly (with its namespace, e.g. MyApp.Function), and make it public.");

    /// <summary>The type has no public method of that name.</summary>
    public static HandlerBindingException MethodNotFound(Type type, string method) =>
        new($"Handler method '{method}' was not found on type '{type.FullName}'. Public methods: " +
            $"{string.Join(", ", type.GetMethods().Where(m => m.DeclaringType == type).Select(m => m.Name).Distinct().DefaultIfEmpty("(none)"))}. " +
            "Fix: make the handler method public and spell it as configured.");

    /// <summary>Overloads make the method ambiguous (Lambda rejects this too).</summary>
    public static HandlerBindingException Ambiguous(Type type, string method) =>
        new($"Handler method '{method}' on '{type.FullName}' has more than one overload; Lambda cannot choose. Fix: keep one public method of that name.");

    /// <summary>The parameters or return type have a shape Lambda's .NET runtime does not accept.</summary>
    public static HandlerBindingException BadSignature(string method, string reason) =>
        new($"Handler method '{method}' cannot be called by Lambda: {reason}. Accepted shapes: (), (TEvent), (TEvent, ILambdaContext), " +
            "(Stream[, ILambdaContext]); returning void, T, Task, Task<T> or Stream.");

    /// <summary>The class cannot be constructed.</summary>
    public static HandlerBindingException NoConstructor(Type type) =>
        new($"Handler type '{type.FullName}' needs a public parameterless constructor so Lambda can create it during INIT.");
}
