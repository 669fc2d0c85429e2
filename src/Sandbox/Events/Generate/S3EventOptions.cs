namespace Course.Sandbox.Events.Generate;

/// <summary>What to put in a generated S3 notification.</summary>
public sealed class S3EventOptions
{
    /// <summary>The bucket name. The default is <c>example-bucket</c>.</summary>
    public string Bucket { get; init; } = "example-bucket";

    /// <summary>The object key as stored (it is URL-encoded in the event). The default is <c>test/key</c>.</summary>
    public string Key { get; init; } = "test/key";

    /// <summary>The event name. The default is <c>ObjectCreated:Put</c>.</summary>
    public string EventName { get; init; } = "ObjectCreated:Put";

    /// <summary>The object size in bytes. The default is 1024.</summary>
    public long Size { get; init; } = 1024;
}
