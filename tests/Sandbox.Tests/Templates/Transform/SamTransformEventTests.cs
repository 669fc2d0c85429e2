namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>SAM_02: each event type's generated resources, as SAM's translator tests (sqs, s3, sns, implicit_http_api…) show them.</summary>
public sealed class SamTransformEventTests
{
    private static string Function(string events) => $"""
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://sam-demo-bucket/f.zip
              Handler: h
              Runtime: dotnet8
              Events:
        {events}
        """;

    [Fact]
    public void SAM_02_SqsEvent_BecomesEventSourceMappingAndPollerPolicy()
    {
        var resources = Sam.Resources(Function("""
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-west-2:012345678901:my-queue
                        BatchSize: 10
                        FunctionResponseTypes: [ReportBatchItemFailures]
            """));
        Sam.Same("""
            {"Type":"AWS::Lambda::EventSourceMapping","Properties":{"FunctionName":{"Ref":"Fn"},"EventSourceArn":"arn:aws:sqs:us-west-2:012345678901:my-queue","BatchSize":10,"FunctionResponseTypes":["ReportBatchItemFailures"]}}
            """, resources["FnQueue"]);
        Sam.Same("""["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole","arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"]""", resources["FnRole"]!["Properties"]!["ManagedPolicyArns"]);
    }

    [Theory]
    [InlineData("DynamoDB", "AWSLambdaDynamoDBExecutionRole")]
    [InlineData("Kinesis", "AWSLambdaKinesisExecutionRole")]
    public void SAM_02_StreamEvents_NeedStartingPositionAndAddTheirManagedPolicy(string type, string policy)
    {
        var resources = Sam.Resources(Function($"""
                    Stream:
                      Type: {type}
                      Properties:
                        Stream: arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2026
                        StartingPosition: TRIM_HORIZON
                        BatchSize: 100
                        DestinationConfig:
                          OnFailure:
                            Type: SQS
                            Destination: arn:aws:sqs:us-east-1:123456789012:dlq
            """));
        Sam.Same("""{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:dlq"}}""", resources["FnStream"]!["Properties"]!["DestinationConfig"]);
        Assert.Equal("TRIM_HORIZON", (string?)resources["FnStream"]!["Properties"]!["StartingPosition"]);
        Assert.Contains(resources["FnRole"]!["Properties"]!["ManagedPolicyArns"]!.AsArray(), a => (string?)a == $"arn:aws:iam::aws:policy/service-role/{policy}");
        Sam.Same("""[{"PolicyName":"FnStreamSQSPolicy","PolicyDocument":{"Statement":[{"Action":"sqs:SendMessage","Effect":"Allow","Resource":"arn:aws:sqs:us-east-1:123456789012:dlq"}]}}]""", resources["FnRole"]!["Properties"]!["Policies"]);
    }

    [Fact]
    public void SAM_02_S3Event_AddsPermissionAndNotificationToTheBucket()
    {
        var resources = Sam.Resources(Function("""
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: !Ref Bucket
                        Events: s3:ObjectCreated:*
            """));
        Sam.Same("""
            {"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Ref":"Fn"},"Principal":"s3.amazonaws.com","SourceAccount":{"Ref":"AWS::AccountId"}}}
            """, resources["FnUploadPermission"]);
        Sam.Same("""
            {"Type":"AWS::S3::Bucket","DependsOn":["FnUploadPermission"],"Properties":{"NotificationConfiguration":{"LambdaConfigurations":[{"Function":{"Fn::GetAtt":["Fn","Arn"]},"Event":"s3:ObjectCreated:*"}]}}}
            """, resources["Bucket"]);
    }

    [Fact]
    public void SAM_02_SnsEvent_AddsSubscriptionAndPermission()
    {
        var resources = Sam.Resources(Function("""
                    Note:
                      Type: SNS
                      Properties:
                        Topic: arn:aws:sns:us-east-1:123456789012:topic
            """));
        Sam.Same("""{"Type":"AWS::SNS::Subscription","Properties":{"Endpoint":{"Fn::GetAtt":["Fn","Arn"]},"Protocol":"lambda","TopicArn":"arn:aws:sns:us-east-1:123456789012:topic"}}""", resources["FnNote"]);
        Sam.Same("""{"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Ref":"Fn"},"Principal":"sns.amazonaws.com","SourceArn":"arn:aws:sns:us-east-1:123456789012:topic"}}""", resources["FnNotePermission"]);
    }

    [Fact]
    public void SAM_02_ScheduleAndEventBridgeRule_BecomeRulesWithLambdaTargets()
    {
        var resources = Sam.Resources(Function("""
                    Tick:
                      Type: Schedule
                      Properties:
                        Schedule: rate(5 minutes)
                        Enabled: false
                    Orders:
                      Type: EventBridgeRule
                      Properties:
                        Pattern:
                          source: [shop]
            """));
        Sam.Same("""{"Type":"AWS::Events::Rule","Properties":{"ScheduleExpression":"rate(5 minutes)","State":"DISABLED","Targets":[{"Arn":{"Fn::GetAtt":["Fn","Arn"]},"Id":"FnTickLambdaTarget"}]}}""", resources["FnTick"]);
        Sam.Same("""{"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Ref":"Fn"},"Principal":"events.amazonaws.com","SourceArn":{"Fn::GetAtt":["FnTick","Arn"]}}}""", resources["FnTickPermission"]);
        Sam.Same("""{"Type":"AWS::Events::Rule","Properties":{"EventPattern":{"source":["shop"]},"Targets":[{"Arn":{"Fn::GetAtt":["Fn","Arn"]},"Id":"FnOrdersLambdaTarget"}]}}""", resources["FnOrders"]);
    }

    [Fact]
    public void SAM_02_ScheduleV2_CreatesScheduleAndItsOwnRole()
    {
        var resources = Sam.Resources(Function("""
                    Nightly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 3 * * ? *)
            """));
        Sam.Same("""
            {"Type":"AWS::Scheduler::Schedule","Properties":{"ScheduleExpression":"cron(0 3 * * ? *)","Name":"FnNightly","FlexibleTimeWindow":{"Mode":"OFF"},
             "Target":{"Arn":{"Fn::GetAtt":["Fn","Arn"]},"RoleArn":{"Fn::GetAtt":["FnNightlyRole","Arn"]}}}}
            """, resources["FnNightly"]);
        Sam.Same("""
            {"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["scheduler.amazonaws.com"]}}]},
             "Policies":[{"PolicyName":"FnNightlyLambdaPolicy","PolicyDocument":{"Statement":[{"Action":"lambda:InvokeFunction","Effect":"Allow","Resource":{"Fn::GetAtt":["Fn","Arn"]}}]}}]}}
            """, resources["FnNightlyRole"]);
    }

    [Fact]
    public void SAM_02_HttpApiEvents_BuildTheImplicitApiRoutesAndPermissions()
    {
        var resources = Sam.Resources(Function("""
                    Get:
                      Type: HttpApi
                      Properties:
                        Path: /orders/{id}
                        Method: get
                    Default:
                      Type: HttpApi
            """));
        var paths = resources["ServerlessHttpApi"]!["Properties"]!["Body"]!["paths"]!;
        Sam.Same("""
            {"get":{"x-amazon-apigateway-integration":{"httpMethod":"POST","type":"aws_proxy","uri":{"Fn::Sub":"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"},"payloadFormatVersion":"2.0"},
             "responses":{},"parameters":[{"required":true,"name":"id","in":"path"}]}}
            """, paths["/orders/{id}"]);
        Assert.True((bool)paths["$default"]!["x-amazon-apigateway-any-method"]!["isDefaultRoute"]!);
        Sam.Same("""
            {"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/GET/orders/*",{"__ApiId__":{"Ref":"ServerlessHttpApi"},"__Stage__":"*"}]}
            """, resources["FnGetPermission"]!["Properties"]!["SourceArn"]);
        Assert.Equal("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/*", (string?)resources["FnDefaultPermission"]!["Properties"]!["SourceArn"]!["Fn::Sub"]![0]);
        Sam.Same("""{"Type":"AWS::ApiGatewayV2::Stage","Properties":{"ApiId":{"Ref":"ServerlessHttpApi"},"StageName":"$default","Tags":{"httpapi:createdBy":"SAM"},"AutoDeploy":true}}""", resources["ServerlessHttpApiApiGatewayDefaultStage"]);
    }
}
