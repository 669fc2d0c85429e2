namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>HttpApi CorsConfiguration as aws-sam-translator's OpenApiEditor.add_cors writes it into the Body.</summary>
public sealed class SamTransformHttpApiCorsTests
{
    private static string Api(string cors) => $$"""
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              CorsConfiguration: {{cors}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: x
              Handler: index.handler
              Runtime: nodejs20.x
              Events:
                Get:
                  Type: HttpApi
                  Properties: {ApiId: !Ref Api, Path: /items, Method: GET}
        """;

    [Fact]
    public void SAM_02_HttpApiCors_True_AllowsEveryOrigin()
    {
        var body = Sam.Resources(Api("true"))["Api"]!["Properties"]!["Body"]!;

        Sam.Same("""{"allowOrigins":["*"]}""", body["x-amazon-apigateway-cors"]);
    }

    [Fact]
    public void SAM_02_HttpApiCors_Map_BecomesCamelCaseFields_CredentialsOnlyWhenTrue()
    {
        var body = Sam.Resources(Api("{AllowOrigins: ['https://shop.example'], AllowMethods: [GET, POST], AllowHeaders: [content-type], MaxAge: 0, AllowCredentials: false}"))["Api"]!["Properties"]!["Body"]!;

        Sam.Same("""{"allowOrigins":["https://shop.example"],"allowHeaders":["content-type"],"allowMethods":["GET","POST"],"maxAge":0}""", body["x-amazon-apigateway-cors"]);
    }

    [Theory]
    [InlineData("{AllowOrigin: ['*']}", "Invalid value for 'Cors' property.")]
    [InlineData("yes please", "Invalid value for 'Cors' property.")]
    [InlineData("{AllowOrigins: ['*'], AllowCredentials: true}", "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set.")]
    public void SAM_02_HttpApiCors_BadConfig_IsSamsError(string cors, string message)
    {
        var error = Sam.Fails(Api(cors));

        Assert.Contains($"Resource with id [Api] is invalid. {message}", error.Message, StringComparison.Ordinal);
    }
}
