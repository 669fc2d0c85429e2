using Microsoft.CodeAnalysis;

namespace Course.Grading.Compilation.Safety;

/// <summary>One sandbox safety rule: a diagnostic id, why the API is refused, and how to fix the code.</summary>
internal sealed class SafetyRule
{
    private SafetyRule(string id, string title, string why, string fix)
    {
        Id = id;
        Why = why;
        Fix = fix;
        Descriptor = new DiagnosticDescriptor(id, title, "{0} is not allowed in a Lambda handler here: {1}. Fix: {2}", "Sandbox", DiagnosticSeverity.Error, isEnabledByDefault: true);
    }

    public string Id { get; }

    public string Why { get; }

    public string Fix { get; }

    public DiagnosticDescriptor Descriptor { get; }

    public static SafetyRule Process { get; } = new("SBX001", "Process start",
        "a function cannot start other programs (the grader refuses it, and on AWS there is no shell to rely on)",
        "do the work in C# inside the handler, or hand it to another function or service through its AWS SDK client");

    public static SafetyRule Network { get; } = new("SBX002", "Raw network access",
        "the sandbox has no network; only the AWS SDK clients (AmazonS3Client, AmazonSQSClient, AmazonDynamoDBClient) reach its services",
        "call the service through its AWS SDK client created in INIT (a field of the function class)");

    public static SafetyRule Exit { get; } = new("SBX003", "Process exit",
        "exiting kills the execution environment mid-invocation (AWS reports Runtime.ExitError and the event is lost or retried)",
        "return an error response, or throw an exception so Lambda reports a function error");

    public static SafetyRule FileAccess { get; } = new("SBX004", "File access outside /tmp",
        "only /tmp is writable in a Lambda execution environment, and this path is not provably under /tmp",
        "keep scratch files under /tmp (e.g. Path.Combine(\"/tmp\", name)) and durable data in S3 or DynamoDB");

    public static SafetyRule Reflection { get; } = new("SBX005", "Dynamic code loading",
        "loading or generating code at run time escapes the grader's compile-time checks",
        "reference the types you need directly in your source");

    public static SafetyRule Unsafe { get; } = new("SBX006", "Unsafe code",
        "unsafe code and pointers can corrupt the runtime; Lambda handlers never need them",
        "use arrays, Span<T> or Memory<T> instead of pointers");

    public static SafetyRule Engine { get; } = new("SBX008", "Simulator internals",
        "handler code may use the sandbox's service clients (Course.Sandbox.Clients.*) but not the simulator itself; checks judge what the simulator records",
        "talk to services through their clients (e.g. new AmazonSimpleNotificationServiceClient()) and keep simulator types out of the handler");

    public static SafetyRule Native { get; } = new("SBX007", "Native interop",
        "native libraries are not part of a managed Lambda deployment package here",
        "use a managed .NET API instead of P/Invoke or Marshal");
}
