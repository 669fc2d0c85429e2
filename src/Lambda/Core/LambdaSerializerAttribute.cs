namespace Course.Lambda.Core;

/// <summary>
/// Names the serializer Lambda uses for a handler's input and output. Mirrors
/// <c>Amazon.Lambda.Core.LambdaSerializerAttribute</c>; the sandbox honours it on the assembly or the handler method.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
public sealed class LambdaSerializerAttribute : Attribute
{
    /// <summary>Creates the attribute for <paramref name="serializerType"/>, a type implementing <see cref="ILambdaSerializer"/>.</summary>
    public LambdaSerializerAttribute(Type serializerType) => SerializerType = serializerType;

    /// <summary>The serializer type; it must implement <see cref="ILambdaSerializer"/> and have a public parameterless constructor.</summary>
    public Type SerializerType { get; }
}
