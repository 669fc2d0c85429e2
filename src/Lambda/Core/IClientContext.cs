namespace Course.Lambda.Core;

/// <summary>Client application information passed by the AWS Mobile SDK. Mirrors <c>Amazon.Lambda.Core.IClientContext</c>.</summary>
public interface IClientContext
{
    /// <summary>Environment information supplied by the client.</summary>
    IDictionary<string, string> Environment { get; }

    /// <summary>Custom values supplied by the client.</summary>
    IDictionary<string, string> Custom { get; }
}
