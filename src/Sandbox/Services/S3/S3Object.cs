using System.Text;

namespace Course.Sandbox.Services.S3;

/// <summary>One stored object (immutable: a new put replaces it with a new instance).</summary>
public sealed class S3Object
{
    internal S3Object(string key, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata,
        DateTimeOffset lastModified, string eTag, (string Algorithm, string Value)? checksum)
    {
        Key = key;
        _content = content;
        ContentType = contentType;
        Metadata = metadata;
        LastModified = lastModified;
        ETag = eTag;
        Checksum = checksum;
    }

    private readonly byte[] _content;

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>The size in bytes.</summary>
    public long Size => _content.Length;

    /// <summary>The content type; <c>binary/octet-stream</c> when the uploader gave none (S3's default).</summary>
    public string ContentType { get; }

    /// <summary>User metadata (<c>x-amz-meta-*</c> headers), names lower-case without the prefix.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>When the object was written (virtual time).</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>The ETag as S3 returns it: the hex MD5 of the content, in double quotes.</summary>
    public string ETag { get; }

    /// <summary>The additional checksum the uploader sent (algorithm such as <c>CRC32</c>, base64 value), or null.</summary>
    public (string Algorithm, string Value)? Checksum { get; }

    /// <summary>The content decoded as UTF-8.</summary>
    /// <returns>The text.</returns>
    public string ReadAsString() => Encoding.UTF8.GetString(_content);

    internal byte[] RawContent => _content;
}
