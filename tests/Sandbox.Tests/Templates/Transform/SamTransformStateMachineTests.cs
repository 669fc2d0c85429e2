namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>AWS::Serverless::StateMachine, mirroring SAM's state_machine_with_inline_definition pair.</summary>
public sealed class SamTransformStateMachineTests
{
    [Fact]
    public void InlineDefinition_BecomesAJoinedDefinitionStringAndARole()
    {
        var resources = Sam.Resources("""
            Resources:
              StateMachine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: MyBasicStateMachine
                  Type: STANDARD
                  Definition:
                    Comment: A Hello World example of the Amazon States Language using Pass states
                    StartAt: Hello
                    States:
                      Hello:
                        Type: Pass
                        Result: Hello
                        Next: World
                      World:
                        Type: Pass
                        Result: World
                        End: true
                  Policies:
                    - Version: '2012-10-17'
                      Statement:
                      - Effect: Deny
                        Action: "*"
                        Resource: "*"
            """);
        Sam.Same("""
            {"Type":"AWS::StepFunctions::StateMachine","Properties":{
              "DefinitionString":{"Fn::Join":["\n",["{",
                "    \"Comment\": \"A Hello World example of the Amazon States Language using Pass states\",",
                "    \"StartAt\": \"Hello\",",
                "    \"States\": {",
                "        \"Hello\": {",
                "            \"Next\": \"World\",",
                "            \"Result\": \"Hello\",",
                "            \"Type\": \"Pass\"",
                "        },",
                "        \"World\": {",
                "            \"End\": true,",
                "            \"Result\": \"World\",",
                "            \"Type\": \"Pass\"",
                "        }",
                "    }",
                "}"]]},
              "RoleArn":{"Fn::GetAtt":["StateMachineRole","Arn"]},
              "StateMachineName":"MyBasicStateMachine","StateMachineType":"STANDARD",
              "Tags":[{"Key":"stateMachine:createdBy","Value":"SAM"}]}}
            """, resources["StateMachine"]);
        Sam.Same("""
            {"Type":"AWS::IAM::Role","Properties":{
              "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["states.amazonaws.com"]}}]},
              "ManagedPolicyArns":[],
              "Policies":[{"PolicyName":"StateMachineRolePolicy0","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}}],
              "Tags":[{"Key":"stateMachine:createdBy","Value":"SAM"}]}}
            """, resources["StateMachineRole"]);
    }

    [Fact]
    public void IntrinsicsInTheDefinition_MoveToDefinitionSubstitutions_InSortedPathOrder()
    {
        var machine = Sam.Resources("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: s3://b/k.zip, Handler: h, Runtime: dotnet8 }
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Role: arn:aws:iam::123456789012:role/sfn
                  Definition:
                    StartAt: Work
                    States:
                      Work:
                        Type: Task
                        Resource: !GetAtt Fn.Arn
                        Next: Save
                      Save:
                        Type: Task
                        Resource: arn:aws:states:::dynamodb:putItem
                        Parameters:
                          TableName: !Ref AWS::StackName
                        End: true
            """)["Flow"]!["Properties"]!;
        Sam.Same("""{"definition_substitution_1":{"Ref":"AWS::StackName"},"definition_substitution_2":{"Fn::GetAtt":["Fn","Arn"]}}""", machine["DefinitionSubstitutions"]);
        Assert.Contains("            \"Resource\": \"${definition_substitution_2}\",", machine["DefinitionString"]!["Fn::Join"]![1]!.AsArray().Select(l => (string?)l));
        Assert.Equal("arn:aws:iam::123456789012:role/sfn", (string?)machine["RoleArn"]);
    }
}
