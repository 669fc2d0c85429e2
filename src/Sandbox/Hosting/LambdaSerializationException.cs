namespace Course.Sandbox.Hosting;

/// <summary>The payload could not be read as the handler's event type (Lambda reports <c>Amazon.Lambda.Serialization.SystemTextJson.JsonSerializerException</c>).</summary>
public sealed class LambdaSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LambdaSerializationException(string message, Exception inner) : base(message, inner) { }
}
