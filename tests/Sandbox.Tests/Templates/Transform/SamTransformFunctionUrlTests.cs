namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>FunctionUrlConfig as AWS's "generated resources" page and aws-sam-translator describe it.</summary>
public sealed class SamTransformFunctionUrlTests
{
    private static string Function(string url, string extra = "") => $$"""
        Resources:
          Web:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/web.zip
              Handler: Web::Web.Function::Handle
              Runtime: dotnet8
        {{extra}}      FunctionUrlConfig:
        {{url}}
        """;

    [Fact]
    public void SAM_02_FunctionUrl_AuthNone_GeneratesUrlAndBothPublicPermissions()
    {
        var resources = Sam.Resources(Function("""
                    AuthType: NONE
                    InvokeMode: RESPONSE_STREAM
                    Cors:
                      AllowOrigins: ["https://example.com"]
                      AllowMethods: [GET]
                      MaxAge: 60
            """));

        Sam.Same("""
            {"Type":"AWS::Lambda::Url","Properties":{"AuthType":"NONE","Cors":{"AllowOrigins":["https://example.com"],"AllowMethods":["GET"],"MaxAge":60},
             "InvokeMode":"RESPONSE_STREAM","TargetFunctionArn":{"Ref":"Web"}}}
            """, resources["WebUrl"]);
        Sam.Same("""
            {"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunctionUrl","FunctionName":{"Ref":"Web"},"FunctionUrlAuthType":"NONE","Principal":"*"}}
            """, resources["WebUrlPublicPermissions"]);
        Sam.Same("""
            {"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Ref":"Web"},"InvokedViaFunctionUrl":true,"Principal":"*"}}
            """, resources["WebURLInvokeAllowPublicAccess"]);
    }

    [Fact]
    public void SAM_02_FunctionUrl_AwsIam_GeneratesOnlyTheUrl_TargetingTheAliasWhenPublished()
    {
        var resources = Sam.Resources(Function("        AuthType: AWS_IAM", "      AutoPublishAlias: live\n"));

        Sam.Same("""{"Type":"AWS::Lambda::Url","Properties":{"AuthType":"AWS_IAM","TargetFunctionArn":{"Ref":"WebAliaslive"}}}""", resources["WebUrl"]);
        Assert.DoesNotContain("WebUrlPublicPermissions", resources.Select(r => r.Key));
        Assert.DoesNotContain("WebURLInvokeAllowPublicAccess", resources.Select(r => r.Key));
    }

    [Theory]
    [InlineData("        InvokeMode: BUFFERED", "AuthType is required to configure function property `FunctionUrlConfig`. Please provide either AWS_IAM or NONE.")]
    [InlineData("        AuthType: PUBLIC", "AuthType is required to configure function property `FunctionUrlConfig`. Please provide either AWS_IAM or NONE.")]
    [InlineData("        AuthType: NONE\n        Cors:\n          AllowOrigin: ['*']", "AllowOrigin is not a valid property for configuring Cors.")]
    [InlineData("        AuthType: NONE\n        Cors:\n          MaxAge: soon", "MaxAge must be of type int.")]
    [InlineData("        AuthType: NONE\n        Cors:\n          AllowMethods: GET", "AllowMethods must be of type list.")]
    public void SAM_02_FunctionUrl_BadConfig_IsSamsInvalidResourceError(string url, string message)
    {
        var error = Sam.Fails(Function(url));

        Assert.Contains($"Resource with id [Web] is invalid. {message}", error.Message, StringComparison.Ordinal);
    }
}
