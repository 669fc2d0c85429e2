using Course.Sandbox.Templates.Transform;

namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>Globals (SAM_01), SimpleTable (SAM_04) and SAM's error messages (SAM_05).</summary>
public sealed class SamTransformTemplateTests
{
    [Fact]
    public void SAM_01_Globals_MapsMergedListsAppendedScalarsOverridden()
    {
        var resources = Sam.Resources("""
            Globals:
              Function:
                Runtime: dotnet8
                Handler: A::B.C::D
                MemorySize: 1024
                Layers: [arn:layer:global]
                Environment:
                  Variables:
                    STAGE: prod
                    TABLE: global
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  MemorySize: 256
                  Layers: [arn:layer:local]
                  Environment:
                    Variables:
                      TABLE: local
            """);
        var fn = resources["Fn"]!["Properties"]!;
        Assert.Equal(256, (int)fn["MemorySize"]!);
        Assert.Equal("dotnet8", (string?)fn["Runtime"]);
        Sam.Same("""["arn:layer:global","arn:layer:local"]""", fn["Layers"]);
        Sam.Same("""{"Variables":{"STAGE":"prod","TABLE":"local"}}""", fn["Environment"]);
    }

    [Fact]
    public void SAM_01_Globals_UnsupportedProperty_FailsWithSamsMessage()
    {
        var e = Sam.Fails("""
            Globals:
              Function:
                Policies: [AmazonS3ReadOnlyAccess]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: s3://b/k.zip, Handler: h, Runtime: dotnet8 }
            """);
        Assert.StartsWith("Invalid Serverless Application Specification document. Number of errors found: 1. 'Globals' section is invalid. 'Policies' is not a supported property of 'Function'. Must be one of the following values - ['Handler', 'Runtime',", e.Message, StringComparison.Ordinal);
        Assert.Equal((4, 5), (e.Errors[0].Mark.Line, e.Errors[0].Mark.Column));
    }

    [Fact]
    public void SAM_04_SimpleTable_DefaultsToIdStringAndPayPerRequest()
    {
        var resources = Sam.Resources("""
            Resources:
              MinimalTable:
                Type: AWS::Serverless::SimpleTable
              CompleteTable:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  PrimaryKey:
                    Name: member-number
                    Type: Number
                  ProvisionedThroughput:
                    ReadCapacityUnits: 20
                    WriteCapacityUnits: 10
            """);
        Sam.Same("""
            {"Type":"AWS::DynamoDB::Table","Properties":{"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}}
            """, resources["MinimalTable"]);
        Sam.Same("""
            {"Type":"AWS::DynamoDB::Table","Properties":{"AttributeDefinitions":[{"AttributeName":"member-number","AttributeType":"N"}],"KeySchema":[{"AttributeName":"member-number","KeyType":"HASH"}],
             "ProvisionedThroughput":{"ReadCapacityUnits":20,"WriteCapacityUnits":10}}}
            """, resources["CompleteTable"]);
    }

    [Fact]
    public void SAM_05_InvalidResources_AreAllReportedWithSamsMessageAndPlaces()
    {
        var e = Sam.Fails("""
            Resources:
              NoHandler:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Runtime: dotnet8
              BadEvent:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: h
                  Runtime: dotnet8
                  Events:
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: not-in-template
                        Events: s3:ObjectCreated:*
            """);
        Assert.Equal(
            "Invalid Serverless Application Specification document. Number of errors found: 2. " +
            "Resource with id [NoHandler] is invalid. Runtime and Handler needs to be present when PackageType is of type `Zip` " +
            "Resource with id [BadEvent] is invalid. Event with id [Upload] is invalid. S3 events must reference an S3 bucket in the same template.",
            e.Message);
        Assert.Equal(6, e.Errors[0].Mark.Line);
        Assert.Equal(18, e.Errors[1].Mark.Line);
        Assert.All(e.Errors, err => Assert.False(string.IsNullOrEmpty(err.Fix)));
    }

    [Theory]
    [InlineData("MemorySize: big", "Type of property 'MemorySize' is invalid.")]
    [InlineData("Handlr: h", "property Handlr not defined for resource of type AWS::Serverless::Function")]
    [InlineData("Policies: [{ DynamoDBCrudPolicy: {} }]", "Following required parameters of template 'DynamoDBCrudPolicy' don't have values: ['TableName']")]
    [InlineData("Events: { E: { Type: Carrier } }", "Event with id [E] is invalid. Resource dict has missing or invalid value for key Type. Event Type is: Carrier.")]
    [InlineData("Events: { E: { Type: SQS, Properties: {} } }", "Event with id [E] is invalid. No Queue (for SQS) or Stream (for Kinesis, DynamoDB or MSK) or Broker (for Amazon MQ) provided.")]
    [InlineData("Events: { E: { Type: DynamoDB, Properties: { Stream: arn } } }", "Event with id [E] is invalid. StartingPosition is required for Kinesis, DynamoDB and MSK.")]
    [InlineData("ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }", "To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function")]
    [InlineData("AutoPublishAlias: !Ref Nope", "Ref names 'Nope', which is neither a parameter, a pseudo parameter nor a resource of this template.")]
    [InlineData("AutoPublishAlias: live-1", "AutoPublishAlias must contain only alphanumeric characters")]
    public void SAM_05_EachKindOfInvalidFunction_GivesSamsReason(string line, string reason)
    {
        var e = Sam.Fails($"""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: h
                  Runtime: dotnet8
                  {line}
            """.Replace("Handler: h\n      Runtime: dotnet8\n      Handlr: h", "Runtime: dotnet8\n      Handler: h\n      Handlr: h", StringComparison.Ordinal));
        Assert.Equal($"Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. {reason}", e.Message);
        Assert.True(e.Errors[0].Mark.Line >= 4);
    }
}
