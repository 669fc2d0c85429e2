using System.Text;
using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.CloudWatchEvents.ScheduledEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;

namespace Course.Lambda.Tests.Events;

public sealed class FixtureRoundTripTests
{
    private static readonly Dictionary<string, Type> FixtureTypes = new()
    {
        ["aws-lambda-dotnet/cloudwatchevents-s3objectcreated.json"] = typeof(CloudWatchEvent<JsonElement>),
        ["aws-lambda-dotnet/dynamodb-batchitemfailures-response.json"] = typeof(StreamsEventResponse),
        ["aws-lambda-dotnet/dynamodb-event.json"] = typeof(DynamoDBEvent),
        ["aws-lambda-dotnet/dynamodb-with-ms-event.json"] = typeof(DynamoDBEvent),
        ["aws-lambda-dotnet/http-api-v2-request-iam-authorizer.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-dotnet/http-api-v2-request-lambda-authorizer.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-dotnet/http-api-v2-request.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-dotnet/kinesis-batchitemfailures-response.json"] = typeof(StreamsEventResponse),
        ["aws-lambda-dotnet/s3-event.json"] = typeof(S3Event),
        ["aws-lambda-dotnet/scheduled-event.json"] = typeof(ScheduledEvent),
        ["aws-lambda-dotnet/sns-event.json"] = typeof(SNSEvent),
        ["aws-lambda-dotnet/sqs-event.json"] = typeof(SQSEvent),
        ["aws-lambda-dotnet/sqs-response.json"] = typeof(SQSBatchResponse),
        ["aws-lambda-go/apigw-v2-request-iam.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-go/apigw-v2-request-jwt-authorizer.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-go/apigw-v2-request-lambda-authorizer.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-go/apigw-v2-request-no-authorizer.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-go/dynamodb-event.json"] = typeof(DynamoDBEvent),
        ["aws-lambda-go/lambda-urls-request.json"] = typeof(APIGatewayHttpApiV2ProxyRequest),
        ["aws-lambda-go/lambda-urls-response.json"] = typeof(APIGatewayHttpApiV2ProxyResponse),
        ["aws-lambda-go/s3-event.json"] = typeof(S3Event),
        ["aws-lambda-go/sns-event.json"] = typeof(SNSEvent),
        ["aws-lambda-go/sqs-event.json"] = typeof(SQSEvent),
    };

    public static TheoryData<string> Fixtures() => new(FixtureTypes.Keys.Order(StringComparer.Ordinal));

    internal static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RoundTrip_AwsSample_SerialisesToEquivalentJson(string fixture)
    {
        var json = File.ReadAllText(FixturePath(fixture));
        var serializer = new DefaultLambdaJsonSerializer();

        var method = typeof(FixtureRoundTripTests).GetMethod(nameof(RoundTrip), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(FixtureTypes[fixture]);
        var written = (string)method.Invoke(null, [serializer, json])!;

        JsonEquivalence.AssertEquivalent(json, written);
    }

    [Fact]
    public void Fixtures_EveryFileOnDisk_HasARoundTripType()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var onDisk = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(onDisk);
        Assert.Equal(FixtureTypes.Keys.Order(StringComparer.Ordinal), onDisk);
    }

    private static string RoundTrip<T>(DefaultLambdaJsonSerializer serializer, string json)
    {
        var value = serializer.Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.NotNull(value);
        using var output = new MemoryStream();
        serializer.Serialize(value, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
