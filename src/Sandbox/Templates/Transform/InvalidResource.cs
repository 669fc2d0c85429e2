using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>Thrown inside the transform for one resource; collected into a <see cref="SamTransformException"/>.</summary>
internal sealed class InvalidResource(SourceMark mark, string logicalId, string reason, string? fix) : Exception(reason)
{
    public SamError ToError() => new(mark, $"Resource with id [{logicalId}] is invalid. {Message}", fix);

    public static InvalidResource Event(SourceMark mark, string functionId, string eventId, string reason, string? fix) =>
        new(mark, functionId, $"Event with id [{eventId}] is invalid. {reason}", fix);
}
