using Course.Sandbox.Templates.Deploy;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Tests.Templates.Deploy;

public sealed class DependencyCycleTests
{
    private const string Sam = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              Handler: A::A.F::H
              InlineCode: x
              Policies:
                - S3ReadPolicy:
                    BucketName: POLICY_BUCKET
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Docs
                    Events: s3:ObjectCreated:*
          Docs:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub ${AWS::StackName}-docs
        """;

    private static IReadOnlyList<string>? Cycle(string yaml)
    {
        var template = TemplateLoader.Parse(yaml, "t.yaml");
        var root = template.IsSam ? SamTransform.Translate(template) : template.Root;
        return DependencyCycle.Find((MappingNode)root["Resources"]!);
    }

    [Fact]
    public void Find_S3EventAndAPolicyThatRefsTheBucket_IsTheCycleCloudFormationRejects()
    {
        var cycle = Cycle(Sam.Replace("POLICY_BUCKET", "!Ref Docs", StringComparison.Ordinal));

        Assert.NotNull(cycle);
        Assert.Equal(["Docs", "Fn", "FnRole", "FnUploadPermission"], cycle.Order(StringComparer.Ordinal));
        Assert.StartsWith("Circular dependency between resources: [", DependencyCycle.Message(cycle), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_PolicyNamesTheBucketWithTheSameSub_NoCycle() =>
        Assert.Null(Cycle(Sam.Replace("POLICY_BUCKET", "!Sub ${AWS::StackName}-docs", StringComparison.Ordinal)));

    [Fact]
    public void Find_EnvironmentRefsTheBucketThatInvokesTheFunction_IsACycle()
    {
        var yaml = Sam.Replace("POLICY_BUCKET", "fixed-name", StringComparison.Ordinal)
            .Replace("      Events:\n", "      Environment:\n        Variables:\n          BUCKET: !GetAtt Docs.Arn\n      Events:\n", StringComparison.Ordinal);

        Assert.Equal(["Docs", "Fn", "FnUploadPermission"], Cycle(yaml)!.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("A:\n    Type: AWS::SQS::Queue\n    DependsOn: B\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${A.QueueName}-b'\n", "A,B")]
    [InlineData("A:\n    Type: AWS::SQS::Queue\n    DependsOn: [A]\n", "A")]
    [InlineData("A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub ['${B}-x', { B: fixed }]\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n", null)]
    [InlineData("A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${!B}-literal'\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n", null)]
    public void Find_RefGetAttSubAndDependsOn_AreDependencies(string resources, string? expected) =>
        Assert.Equal(expected, Cycle("Resources:\n  " + resources) is { } c ? string.Join(",", c) : null);
}
