namespace Course.Lambda.Core;

/// <summary>Turns the invocation payload into the handler's parameter and its result back into JSON. Mirrors <c>Amazon.Lambda.Core.ILambdaSerializer</c>.</summary>
public interface ILambdaSerializer
{
    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="requestStream"/>.</summary>
    T Deserialize<T>(Stream requestStream);

    /// <summary>Writes <paramref name="response"/> to <paramref name="responseStream"/>.</summary>
    void Serialize<T>(T response, Stream responseStream);
}
