namespace Course.Sandbox.Templates.Transform;

/// <summary>ARNs SAM writes into its output (the aws partition's managed policies; other partitions by region).</summary>
internal static class Arns
{
    public static string ManagedPolicy(string partition, string name) => $"arn:{partition}:iam::aws:policy/{name}";
}
