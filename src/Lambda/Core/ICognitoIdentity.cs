namespace Course.Lambda.Core;

/// <summary>The Amazon Cognito identity of the caller. Mirrors <c>Amazon.Lambda.Core.ICognitoIdentity</c>.</summary>
public interface ICognitoIdentity
{
    /// <summary>The Cognito identity id.</summary>
    string IdentityId { get; }

    /// <summary>The Cognito identity pool id.</summary>
    string IdentityPoolId { get; }
}
