namespace Course.Lambda.Core;

/// <summary>
/// What Lambda tells a handler about the current invocation. Mirrors <c>Amazon.Lambda.Core.ILambdaContext</c>:
/// on AWS only the <c>using</c> changes.
/// </summary>
public interface ILambdaContext
{
    /// <summary>The request id of this invocation (the same id the START/END/REPORT log lines carry).</summary>
    string AwsRequestId { get; }

    /// <summary>Information about the client application and device, when invoked through the AWS Mobile SDK; otherwise <see langword="null"/>.</summary>
    IClientContext? ClientContext { get; }

    /// <summary>The function's name.</summary>
    string FunctionName { get; }

    /// <summary>The function version that is executing (<c>$LATEST</c> unless a version was published).</summary>
    string FunctionVersion { get; }

    /// <summary>Information about the Amazon Cognito identity provider, when invoked through the AWS Mobile SDK; otherwise <see langword="null"/>.</summary>
    ICognitoIdentity? Identity { get; }

    /// <summary>The ARN used to invoke this function.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The logger that writes to the function's CloudWatch log stream.</summary>
    ILambdaLogger Logger { get; }

    /// <summary>The CloudWatch log group of the function.</summary>
    string LogGroupName { get; }

    /// <summary>The CloudWatch log stream of the execution environment running this invocation.</summary>
    string LogStreamName { get; }

    /// <summary>The memory configured for the function, in MB.</summary>
    int MemoryLimitInMB { get; }

    /// <summary>Time left before the function times out, measured on the (virtual) clock.</summary>
    TimeSpan RemainingTime { get; }
}
