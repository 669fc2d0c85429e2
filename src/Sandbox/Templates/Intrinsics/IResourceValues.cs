namespace Course.Sandbox.Templates.Intrinsics;

/// <summary>What <c>Ref</c> and <c>Fn::GetAtt</c> of a resource return once it is deployed (its physical name, ARN…).</summary>
public interface IResourceValues
{
    /// <summary>The value of <c>Ref</c> of resource <paramref name="logicalId"/>, or null when unknown.</summary>
    string? Ref(string logicalId);

    /// <summary>The value of <c>Fn::GetAtt [logicalId, attribute]</c>, or null when unknown.</summary>
    string? GetAtt(string logicalId, string attribute);
}
