using System.Text;
using System.Text.RegularExpressions;

namespace Course.Sandbox.Functions;

/// <summary>Checks <see cref="FunctionOptions"/> against <see cref="Limits"/>, in the wording Lambda's API uses.</summary>
internal static partial class FunctionOptionsValidator
{
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex FunctionNamePattern();

    public static IReadOnlyList<string> Validate(FunctionOptions o)
    {
        var errors = new List<string>();
        if (!FunctionNamePattern().IsMatch(o.FunctionName ?? ""))
        {
            errors.Add($"Value '{o.FunctionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{{1,64}}");
        }
        if (!LambdaRuntime.All.Contains(o.Runtime))
        {
            errors.Add($"Value '{o.Runtime}' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", LambdaRuntime.All)}]");
        }
        Range(errors, o.MemorySize, Limits.MinMemoryMB, Limits.MaxMemoryMB, "memorySize");
        if (o.Timeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"Value '{o.Timeout.TotalSeconds}' at 'timeout' failed to satisfy constraint: Member must be a whole number of seconds");
        }
        else
        {
            Range(errors, (long)o.Timeout.TotalSeconds, 1, 900, "timeout");
        }
        Range(errors, o.EphemeralStorageSize, Limits.MinEphemeralMB, Limits.MaxEphemeralMB, "ephemeralStorage.size");
        if (o.ReservedConcurrentExecutions is int reserved)
        {
            Range(errors, reserved, 0, int.MaxValue, "reservedConcurrentExecutions");
        }
        Range(errors, o.ProvisionedConcurrentExecutions, 0, int.MaxValue, "provisionedConcurrentExecutions");
        if (o.PackageSizeMB > Limits.MaxPackageZippedMB)
        {
            errors.Add($"Unzipped size must be smaller than 262144000 bytes; zipped deployment package is {o.PackageSizeMB} MB, above the {Limits.MaxPackageZippedMB} MB direct-upload limit");
        }
        var envBytes = Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(o.Environment ?? new Dictionary<string, string>()));
        if (envBytes > Limits.MaxEnvironmentBytes)
        {
            errors.Add($"Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: {envBytes} bytes");
        }
        if (o.SnapStart && !LambdaRuntime.SupportsSnapStart(o.Runtime))
        {
            errors.Add($"SnapStart is not supported for runtime {o.Runtime}");
        }
        if (o.SnapStart && o.ProvisionedConcurrentExecutions > 0)
        {
            errors.Add("Provisioned concurrency cannot be configured on a function version that has SnapStart enabled");
        }
        if (o.ReservedConcurrentExecutions is int r && o.ProvisionedConcurrentExecutions > r)
        {
            errors.Add($"Requested Provisioned Concurrency ({o.ProvisionedConcurrentExecutions}) should not be greater than the reservedConcurrentExecution ({r}) for function");
        }
        var a = o.Async;
        Range(errors, a.MaximumRetryAttempts, 0, Limits.MaxAsyncRetries, "maximumRetryAttempts");
        Range(errors, (long)a.MaximumEventAge.TotalSeconds, (long)Limits.MinEventAge.TotalSeconds, (long)Limits.MaxEventAge.TotalSeconds, "maximumEventAgeInSeconds");
        if (errors.Count <= 1)
        {
            return errors;
        }
        return [$"{errors.Count} validation errors detected: " + string.Join("; ", errors)];
    }

    private static void Range(List<string> errors, long value, long min, long max, string member)
    {
        if (value < min)
        {
            errors.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            errors.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        }
    }
}
