namespace Course.Sandbox.Invocation.Destinations;

/// <summary>Reads function names out of Lambda ARNs.</summary>
internal static class FunctionArn
{
    /// <summary>The function name of <c>arn:aws:lambda:region:account:function:name[:qualifier]</c>; a bare name is returned as is.</summary>
    public static string Name(string arnOrName)
    {
        var parts = arnOrName.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" ? parts[6] : arnOrName;
    }
}
