namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>The function, its role and its version/alias, each mirroring an input/output pair of SAM's translator tests.</summary>
public sealed class SamTransformFunctionTests
{
    private const string Role = """
        {"Type":"AWS::IAM::Role","Properties":{
          "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com"]}}]},
          "ManagedPolicyArns":["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
          "Tags":[{"Key":"lambda:createdBy","Value":"SAM"}]}}
        """;

    [Fact]
    public void SAM_03_FunctionWithoutRole_GetsFunctionRoleWithBasicExecution()
    {
        var resources = Sam.Resources("""
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://sam-demo-bucket/hello.zip
                  Handler: hello.handler
                  Runtime: python3.12
            """);
        Sam.Same("""
            {"Type":"AWS::Lambda::Function","Properties":{"Code":{"S3Bucket":"sam-demo-bucket","S3Key":"hello.zip"},"Handler":"hello.handler",
             "Role":{"Fn::GetAtt":["HelloRole","Arn"]},"Runtime":"python3.12","Tags":[{"Key":"lambda:createdBy","Value":"SAM"}]}}
            """, resources["Hello"]);
        Sam.Same(Role, resources["HelloRole"]);
        Assert.Equal(2, resources.Count);
    }

    [Fact]
    public void SAM_03_Policies_ManagedNamesTemplatesAndInlineStatements_AreIndexedByPosition()
    {
        var resources = Sam.Resources("""
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: "x"
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Policies:
                    - AmazonS3ReadOnlyAccess
                    - DynamoDBCrudPolicy:
                        TableName: !Ref Table
                    - Statement:
                        - Effect: Allow
                          Action: bedrock:InvokeModel
                          Resource: '*'
                    - SQSPollerPolicy:
                        QueueName: my-queue
            """);
        var role = resources["FnRole"]!["Properties"]!;
        Sam.Same("""["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole","arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]""", role["ManagedPolicyArns"]);
        Sam.Same("""
            [{"PolicyName":"FnRolePolicy1","PolicyDocument":{"Statement":[{"Action":["dynamodb:GetItem","dynamodb:DeleteItem","dynamodb:PutItem","dynamodb:Scan","dynamodb:Query","dynamodb:UpdateItem","dynamodb:BatchWriteItem","dynamodb:BatchGetItem","dynamodb:DescribeTable","dynamodb:ConditionCheckItem"],"Effect":"Allow",
               "Resource":[{"Fn::Sub":["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}",{"tableName":{"Ref":"Table"}}]},
                           {"Fn::Sub":["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*",{"tableName":{"Ref":"Table"}}]}]}]}},
             {"PolicyName":"FnRolePolicy2","PolicyDocument":{"Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]}},
             {"PolicyName":"FnRolePolicy3","PolicyDocument":{"Statement":[{"Action":["sqs:ChangeMessageVisibility","sqs:ChangeMessageVisibilityBatch","sqs:DeleteMessage","sqs:DeleteMessageBatch","sqs:GetQueueAttributes","sqs:ReceiveMessage"],"Effect":"Allow",
               "Resource":{"Fn::Sub":["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}",{"queueName":"my-queue"}]}}]}}]
            """, role["Policies"]);
        Sam.Same("""{"ZipFile":"x"}""", resources["Fn"]!["Properties"]!["Code"]);
    }

    [Fact]
    public void SAM_03_GivenRole_NoRoleIsGenerated()
    {
        var resources = Sam.Resources("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: h
                  Runtime: dotnet8
                  Role: arn:aws:iam::123456789012:role/existing
            """);
        Assert.Single(resources);
        Assert.Equal("arn:aws:iam::123456789012:role/existing", (string?)resources["Fn"]!["Properties"]!["Role"]);
    }

    [Fact]
    public void AutoPublishAlias_VersionIdHashesCodeAndSnapStart_AsSamDoes()
    {
        // SAM's tests/translator function_with_snapstart: the same inputs give SnapStartFunctionWithAliasVersion0abd29242e.
        var resources = Sam.Resources("""
            Resources:
              SnapStartFunctionWithAlias:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://sam-demo-bucket/hello.zip
                  Handler: hello.handler
                  Runtime: java11
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
            """);
        Sam.Same("""{"Type":"AWS::Lambda::Version","DeletionPolicy":"Retain","Properties":{"FunctionName":{"Ref":"SnapStartFunctionWithAlias"}}}""", resources["SnapStartFunctionWithAliasVersion0abd29242e"]);
        Sam.Same("""{"Type":"AWS::Lambda::Alias","Properties":{"Name":"live","FunctionName":{"Ref":"SnapStartFunctionWithAlias"},"FunctionVersion":{"Fn::GetAtt":["SnapStartFunctionWithAliasVersion0abd29242e","Version"]}}}""", resources["SnapStartFunctionWithAliasAliaslive"]);
    }

    [Fact]
    public void ProvisionedConcurrency_GoesOnTheAlias()
    {
        var resources = Sam.Resources("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://sam-demo-bucket/hello.zip
                  Handler: hello.handler
                  Runtime: dotnet8
                  AutoPublishAlias: live
                  ProvisionedConcurrencyConfig:
                    ProvisionedConcurrentExecutions: 5
            """);
        var alias = resources.Single(r => r.Key.StartsWith("FnAlias", StringComparison.Ordinal));
        Assert.Equal("FnAliaslive", alias.Key);
        Assert.Equal(5, (int)alias.Value!["Properties"]!["ProvisionedConcurrencyConfig"]!["ProvisionedConcurrentExecutions"]!);
        Assert.Null(resources["Fn"]!["Properties"]!["ProvisionedConcurrencyConfig"]);
    }

    [Fact]
    public void DeadLetterQueueAndEventInvokeConfig_AddDeadLetterConfigAndDestinationPolicies()
    {
        var resources = Sam.Resources("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: h
                  Runtime: dotnet8
                  DeadLetterQueue:
                    Type: SQS
                    TargetArn: arn:aws:sqs:us-east-1:123456789012:dlq
                  EventInvokeConfig:
                    MaximumRetryAttempts: 1
                    DestinationConfig:
                      OnFailure:
                        Type: SQS
            """);
        Sam.Same("""{"TargetArn":"arn:aws:sqs:us-east-1:123456789012:dlq"}""", resources["Fn"]!["Properties"]!["DeadLetterConfig"]);
        Sam.Same("""{"Type":"AWS::SQS::Queue","Properties":{}}""", resources["FnEventInvokeConfigOnFailureQueue"]);
        Sam.Same("""
            {"Type":"AWS::Lambda::EventInvokeConfig","Properties":{"FunctionName":{"Ref":"Fn"},"Qualifier":"$LATEST",
             "DestinationConfig":{"OnFailure":{"Destination":{"Fn::GetAtt":["FnEventInvokeConfigOnFailureQueue","Arn"]}}},"MaximumRetryAttempts":1}}
            """, resources["FnEventInvokeConfig"]);
        Sam.Same("""
            [{"PolicyName":"DeadLetterQueuePolicy","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:dlq","Effect":"Allow"}]}},
             {"PolicyName":"FnEventInvokeConfigOnFailureSQSPolicy","PolicyDocument":{"Statement":[{"Action":"sqs:SendMessage","Effect":"Allow","Resource":{"Fn::GetAtt":["FnEventInvokeConfigOnFailureQueue","Arn"]}}]}}]
            """, resources["FnRole"]!["Properties"]!["Policies"]);
    }

    [Fact]
    public void FunctionProperties_PassThroughToTheLambdaFunction()
    {
        var fn = Sam.Resources("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: h
                  Runtime: dotnet8
                  MemorySize: 1024
                  Timeout: 30
                  Architectures: [arm64]
                  EphemeralStorage: { Size: 1024 }
                  ReservedConcurrentExecutions: 10
                  Environment:
                    Variables:
                      TABLE: t
                  Tags:
                    team: a
            """)["Fn"]!["Properties"]!;
        Assert.Equal(1024, (int)fn["MemorySize"]!);
        Assert.Equal(30, (int)fn["Timeout"]!);
        Sam.Same("""["arm64"]""", fn["Architectures"]);
        Sam.Same("""{"Size":1024}""", fn["EphemeralStorage"]);
        Assert.Equal(10, (int)fn["ReservedConcurrentExecutions"]!);
        Sam.Same("""{"Variables":{"TABLE":"t"}}""", fn["Environment"]);
        Sam.Same("""[{"Key":"lambda:createdBy","Value":"SAM"},{"Key":"team","Value":"a"}]""", fn["Tags"]);
    }
}
