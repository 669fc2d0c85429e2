using Course.Sandbox.Functions;
using Course.Sandbox.Sources.Sqs;

namespace Course.Sandbox.Tests.Sources.Sqs;

public class SqsEventSourceOptionsTests
{
    private static LambdaException Reject(SqsEventSourceOptions options, bool fifo = false, int visibility = 30, int timeout = 3) =>
        Assert.Throws<LambdaException>(() => new SqsHarness(SqsHarness.Ok, options, visibilitySeconds: visibility, fifo: fifo, timeoutSeconds: timeout));

    [Fact]
    public void SQS_01_Defaults_AreAwsDefaults()
    {
        var h = new SqsHarness(SqsHarness.Ok);
        Assert.Equal(10, h.Mapping.BatchSize);
        Assert.Equal(0, h.Mapping.MaximumBatchingWindowInSeconds);
        Assert.False(h.Mapping.ReportBatchItemFailures);
        Assert.Null(h.Mapping.MaximumConcurrency);
        Assert.Equal(SqsEventSourceMapping.InitialPollers, h.Mapping.Pollers);
    }

    [Fact]
    public void SQS_01_BatchSizeAboveTenWithoutWindow_IsRejectedWithAwsMessage()
    {
        var e = Reject(new SqsEventSourceOptions { BatchSize = 11 });
        Assert.Equal("InvalidParameterValueException", e.ErrorCode);
        Assert.Equal("Invalid request provided: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10", e.Message);
    }

    [Fact]
    public void SQS_01_BatchSizeAboveTenWithWindow_IsAccepted()
    {
        var h = new SqsHarness(SqsHarness.Ok, new SqsEventSourceOptions { BatchSize = 10_000, MaximumBatchingWindowInSeconds = 1 });
        Assert.Equal(10_000, h.Mapping.BatchSize);
    }

    [Theory]
    [InlineData(0, 0, "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData(10_001, 1, "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000")]
    [InlineData(10, 301, "1 validation error detected: Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300")]
    [InlineData(10, -1, "1 validation error detected: Value '-1' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 0")]
    public void SQS_01_OutOfRange_IsRejectedWithValidationMessage(int batchSize, int window, string message)
    {
        var e = Reject(new SqsEventSourceOptions { BatchSize = batchSize, MaximumBatchingWindowInSeconds = window });
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void SQS_01_SeveralViolations_AreListedInOneMessage()
    {
        var e = Reject(new SqsEventSourceOptions { BatchSize = 0, MaximumBatchingWindowInSeconds = 999, MaximumConcurrency = 1 });
        Assert.StartsWith("3 validation errors detected: Value '0' at 'batchSize'", e.Message);
        Assert.Contains("Value '999' at 'maximumBatchingWindowInSeconds'", e.Message);
        Assert.Contains("Value '1' at 'scalingConfig.maximumConcurrency'", e.Message);
    }

    [Fact]
    public void SQS_01_Fifo_BatchSizeAboveTen_IsRejected()
    {
        var e = Reject(new SqsEventSourceOptions { BatchSize = 11, MaximumBatchingWindowInSeconds = 1 }, fifo: true);
        Assert.Contains("BatchSize must be less than or equal to 10 for FIFO queues", e.Message);
        Assert.Contains("Batching window is not supported for FIFO queues", e.Message);
    }

    [Theory]
    [InlineData(10, 30)]
    [InlineData(29, 30)]
    public void SQS_05_VisibilityTimeoutBelowFunctionTimeout_IsRejected(int visibility, int timeout)
    {
        var e = Reject(new SqsEventSourceOptions(), visibility: visibility, timeout: timeout);
        Assert.Equal($"Invalid request provided: Queue visibility timeout: {visibility} seconds is less than Function timeout: {timeout} seconds", e.Message);
    }

    [Fact]
    public void SQS_05_VisibilityTimeoutEqualToFunctionTimeout_IsAccepted()
    {
        var h = new SqsHarness(SqsHarness.Ok, visibilitySeconds: 30, timeoutSeconds: 30);
        Assert.Equal("f", h.Mapping.FunctionName);
    }

    [Theory]
    [InlineData(1, "greater than or equal to 2")]
    [InlineData(1001, "less than or equal to 1000")]
    public void SQS_06_MaximumConcurrencyOutOfRange_IsRejected(int value, string rule)
    {
        var e = Reject(new SqsEventSourceOptions { MaximumConcurrency = value });
        Assert.Equal($"1 validation error detected: Value '{value}' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value {rule}", e.Message);
    }

    [Fact]
    public void Create_UnknownFunctionResponseType_IsRejected()
    {
        var e = Reject(new SqsEventSourceOptions { FunctionResponseTypes = ["ReportBatchItemFailure"] });
        Assert.Contains("Value '[ReportBatchItemFailure]' at 'functionResponseTypes'", e.Message);
    }

    [Fact]
    public void Create_OptionsChangedAfterwards_MappingKeepsItsCopy()
    {
        var options = new SqsEventSourceOptions { BatchSize = 5 };
        var h = new SqsHarness(SqsHarness.Ok, options);
        options.BatchSize = 1;
        for (var i = 0; i < 5; i++)
        {
            h.Send($"m{i}");
        }
        h.Sim.Run();
        Assert.Equal([5], h.Batches.Select(b => b.Bodies.Count));
    }
}
