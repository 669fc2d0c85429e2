using Amazon.Runtime;

namespace Course.Sandbox.Clients.EventBridge.Model;

/// <summary>The output of <c>PutEvents</c> (mirrors <c>Amazon.EventBridge.Model.PutEventsResponse</c>).</summary>
public sealed class PutEventsResponse : AmazonWebServiceResponse
{
    /// <summary>How many entries failed.</summary>
    public int FailedEntryCount { get; set; }

    /// <summary>One result per request entry, in order.</summary>
    public List<PutEventsResultEntry> Entries { get; set; } = [];
}
