using Course.Sandbox.Functions;

namespace Course.Sandbox.Tests.Functions;

public class FunctionOptionsTests
{
    private static FunctionOptions Valid() => new() { FunctionName = "orders" };

    [Fact]
    public void LIM_01_Timeout_DefaultsToThreeSeconds_AndAcceptsOneTo900()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Valid().Timeout);
        Assert.Empty(new FunctionOptions { FunctionName = "f", Timeout = TimeSpan.FromSeconds(1) }.Validate());
        Assert.Empty(new FunctionOptions { FunctionName = "f", Timeout = TimeSpan.FromSeconds(900) }.Validate());
        var error = Assert.Single(new FunctionOptions { FunctionName = "f", Timeout = TimeSpan.FromSeconds(901) }.Validate());
        Assert.Equal("Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900", error);
    }

    [Theory]
    [InlineData(127, "greater than or equal to 128")]
    [InlineData(10_241, "less than or equal to 10240")]
    public void LIM_02_Memory_OutsideTheRange_IsRejectedInAwsWording(int memory, string expected)
    {
        var error = Assert.Single(new FunctionOptions { FunctionName = "f", MemorySize = memory }.Validate());
        Assert.Contains($"Value '{memory}' at 'memorySize' failed to satisfy constraint: Member must have value {expected}", error);
    }

    [Fact]
    public void LIM_05_EphemeralStorage_Between512And10240()
    {
        Assert.Empty(new FunctionOptions { FunctionName = "f", EphemeralStorageSize = 10_240 }.Validate());
        Assert.Contains("ephemeralStorage.size", Assert.Single(new FunctionOptions { FunctionName = "f", EphemeralStorageSize = 511 }.Validate()));
    }

    [Fact]
    public void LIM_06_EnvironmentVariables_Over4KB_AreRejected()
    {
        var options = Valid();
        options.Environment["BIG"] = new string('x', 4100);
        Assert.Contains("exceeded the 4KB limit", Assert.Single(options.Validate()));
    }

    [Fact]
    public void LIM_07_Package_Over50MBZipped_IsRejected()
    {
        var options = Valid();
        options.PackageSizeMB = 51;
        Assert.Contains("262144000", Assert.Single(options.Validate()));
    }

    [Fact]
    public void Validate_SeveralViolations_ListsEveryOneInOneMessage()
    {
        var options = new FunctionOptions { FunctionName = "bad name", MemorySize = 64, Timeout = TimeSpan.FromSeconds(0) };
        var message = Assert.Single(options.Validate());
        Assert.StartsWith("3 validation errors detected: ", message);
        Assert.Contains("functionName", message);
        Assert.Contains("memorySize", message);
        Assert.Contains("timeout", message);
    }

    [Fact]
    public void ENV_07_SnapStart_IsRejectedForRuntimesWithoutIt()
    {
        var options = new FunctionOptions { FunctionName = "f", Runtime = LambdaRuntime.NodeJs22, SnapStart = true };
        Assert.Equal("SnapStart is not supported for runtime nodejs22.x", Assert.Single(options.Validate()));
        Assert.Empty(new FunctionOptions { FunctionName = "f", Runtime = LambdaRuntime.DotNet8, SnapStart = true }.Validate());
    }

    [Fact]
    public void Deploy_InvalidOptions_ThrowsInvalidParameterValueException()
    {
        var sim = TestHandlers.Sim();
        var e = Assert.Throws<LambdaException>(() => sim.Lambda.Deploy(new FunctionOptions { FunctionName = "f", MemorySize = 1 }, TestHandlers.Echo));
        Assert.Equal("InvalidParameterValueException", e.ErrorCode);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void Deploy_ChangingTheOptionsAfterwards_DoesNotChangeTheFunction()
    {
        var sim = TestHandlers.Sim();
        var options = Valid();
        var fn = sim.Lambda.Deploy(options, TestHandlers.Echo);
        options.MemorySize = 4096;
        Assert.Equal(128, fn.Options.MemorySize);
    }
}
