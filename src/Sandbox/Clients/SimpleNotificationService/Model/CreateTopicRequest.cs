// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.SimpleNotificationService.Model;

/// <summary>The input of <c>CreateTopic</c> (mirrors <c>Amazon.SimpleNotificationService.Model.CreateTopicRequest</c>).</summary>
public sealed class CreateTopicRequest
{
    /// <summary>An empty request.</summary>
    public CreateTopicRequest()
    {
    }

    /// <summary>A request for a name.</summary>
    /// <param name="name">The topic name.</param>
    public CreateTopicRequest(string name) => Name = name;

    /// <summary>The topic name. Required.</summary>
    public string Name { get; set; }

    /// <summary>Topic attributes; accepted and ignored by the sandbox.</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];
}
