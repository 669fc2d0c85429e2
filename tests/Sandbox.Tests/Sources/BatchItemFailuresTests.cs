using Course.Sandbox.Sources;

namespace Course.Sandbox.Tests.Sources;

public class BatchItemFailuresTests
{
    private static readonly HashSet<string> Batch = ["m1", "m2", "m3"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"batchItemFailures":null}""")]
    [InlineData("""{"batchItemFailures":[]}""")]
    public void SQS_03_EmptyOrNullResponse_IsCompleteSuccess(string? payload)
    {
        var r = BatchItemFailures.Parse(payload, Batch.Contains);
        Assert.False(r.WholeBatchFailed);
        Assert.Empty(r.Failed!);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("\"done\"", "not an object")]
    [InlineData("""{"batchItemFailures":{"itemIdentifier":"m1"}}""", "not a list")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":""}]}""", "empty")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":null}]}""", "null")]
    [InlineData("""{"batchItemFailures":[{"itemId":"m1"}]}""", "no itemIdentifier key")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"m1"},{"itemIdentifier":"m9"}]}""", "'m9' is not in the batch")]
    public void SQS_03_InvalidResponse_FailsWholeBatch(string payload, string reason)
    {
        var r = BatchItemFailures.Parse(payload, Batch.Contains);
        Assert.True(r.WholeBatchFailed);
        Assert.Contains(reason, r.Reason);
    }

    [Fact]
    public void SQS_03_ListedIdentifiers_AreTheOnlyFailures()
    {
        var r = BatchItemFailures.Parse("""{"batchItemFailures":[{"itemIdentifier":"m3"},{"itemIdentifier":"m1"},{"itemIdentifier":"m3"}]}""", Batch.Contains);
        Assert.Equal(["m3", "m1"], r.Failed!);
    }
}
