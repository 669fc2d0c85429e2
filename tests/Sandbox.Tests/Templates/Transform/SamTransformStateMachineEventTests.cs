namespace Course.Sandbox.Tests.Templates.Transform;

/// <summary>State machine Events as aws-sam-translator's state machine event sources write them.</summary>
public sealed class SamTransformStateMachineEventTests
{
    private static string Machine(string events) => $$"""
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition:
                StartAt: Done
                States:
                  Done: {Type: Succeed}
              Events:
        {{events}}
        """;

    private const string StartRole = """
        {"Type":"AWS::IAM::Role","Properties":{
          "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["events.amazonaws.com"]}}]},
          "Policies":[{"PolicyName":"FlowNIGHTLYRoleStartExecutionPolicy","PolicyDocument":{"Statement":[{"Action":"states:StartExecution","Effect":"Allow","Resource":{"Ref":"Flow"}}]}}]}}
        """;

    [Fact]
    public void SAM_02_StateMachineSchedule_BecomesARuleAndAStartExecutionRole()
    {
        var resources = Sam.Resources(Machine("""
                    NIGHTLY:
                      Type: Schedule
                      Properties:
                        Schedule: cron(0 2 * * ? *)
                        Enabled: false
                        Input: '{"mode": "full"}'
            """));

        Sam.Same("""
            {"Type":"AWS::Events::Rule","Properties":{"ScheduleExpression":"cron(0 2 * * ? *)","State":"DISABLED",
             "Targets":[{"Arn":{"Ref":"Flow"},"Id":"FlowNIGHTLYStepFunctionsTarget","RoleArn":{"Fn::GetAtt":["FlowNIGHTLYRole","Arn"]},"Input":"{\"mode\": \"full\"}"}]}}
            """, resources["FlowNIGHTLY"]);
        Sam.Same(StartRole, resources["FlowNIGHTLYRole"]);
    }

    [Fact]
    public void SAM_02_StateMachineEventBridgeRule_KeepsPatternBusAndTargetId()
    {
        var resources = Sam.Resources(Machine("""
                    Orders:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: shop
                        Pattern: {source: [shop.orders]}
                        InputPath: $.detail
                        Target: {Id: OrdersTarget}
            """));

        Sam.Same("""
            {"Type":"AWS::Events::Rule","Properties":{"EventBusName":"shop","EventPattern":{"source":["shop.orders"]},
             "Targets":[{"Arn":{"Ref":"Flow"},"Id":"OrdersTarget","RoleArn":{"Fn::GetAtt":["FlowOrdersRole","Arn"]},"InputPath":"$.detail"}]}}
            """, resources["FlowOrders"]);
        Assert.Equal("AWS::IAM::Role", resources["FlowOrdersRole"]!["Type"]!.GetValue<string>());
    }

    [Fact]
    public void SAM_02_StateMachineSchedule_StateAndEnabledTogether_IsSamsError()
    {
        var error = Sam.Fails(Machine("""
                    Both:
                      Type: Schedule
                      Properties: {Schedule: rate(1 hour), State: ENABLED, Enabled: true}
            """));

        Assert.Contains("Event with id [Both] is invalid. State and Enabled Properties cannot both be specified.", error.Message, StringComparison.Ordinal);
    }
}
