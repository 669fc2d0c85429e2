using System.Text;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents.ScheduledEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;

namespace Course.Lambda.Tests.Events;

public sealed class EventShapeTests
{
    private static readonly DefaultLambdaJsonSerializer Serializer = new();

    private static T Load<T>(string fixture) =>
        Serializer.Deserialize<T>(File.OpenRead(FixtureRoundTripTests.FixturePath(fixture)));

    private static string Write<T>(T value)
    {
        using var stream = new MemoryStream();
        Serializer.Serialize(value, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void DynamoDBEvent_GoSample_ReadsEveryAttributeType()
    {
        var image = Load<DynamoDBEvent>("aws-lambda-go/dynamodb-event.json").Records[1].Dynamodb.NewImage;

        Assert.Equal("Hello", image["String"].S);
        Assert.Equal("123.45", image["FloatNumber"].N);
        Assert.Equal(new byte[] { 0, 1, 42, 65 }, image["Binary"].B.ToArray());
        Assert.Equal(["Giraffe", "Zebra"], image["StringSet"].SS);
        Assert.Equal(["1234", "567.8"], image["NumberSet"].NS);
        Assert.Equal(2, image["BinarySet"].BS.Count);
        Assert.Equal("Joe", image["Map"].M["Name"].S);
        Assert.Equal("3.14159", image["List"].L[2].N);
        Assert.True(image["Null"].NULL);
        Assert.True(image["Boolean"].BOOL);
        Assert.Null(image["String"].BOOL);
        Assert.Empty(image["EmptyStringSet"].SS);
    }

    [Fact]
    public void DynamoDBEvent_CreationTimeInSecondsOrMilliseconds_ReadsSameUtcInstant()
    {
        var seconds = Load<DynamoDBEvent>("aws-lambda-dotnet/dynamodb-event.json").Records[0].Dynamodb;
        var millis = Load<DynamoDBEvent>("aws-lambda-dotnet/dynamodb-with-ms-event.json").Records[0].Dynamodb;

        var expected = new DateTime(2016, 12, 2, 1, 27, 0, DateTimeKind.Utc);
        Assert.Equal(expected, seconds.ApproximateCreationDateTime);
        Assert.Equal(expected, millis.ApproximateCreationDateTime);
        Assert.Equal(DateTimeKind.Utc, millis.ApproximateCreationDateTime.Kind);
        Assert.Contains("\"ApproximateCreationDateTime\":1480642020,", Write(millis), StringComparison.Ordinal);
    }

    [Fact]
    public void SNSEvent_Serialise_UsesPascalCaseLikeSns()
    {
        var evt = Load<SNSEvent>("aws-lambda-go/sns-event.json");

        Assert.Equal("Hello from SNS!", evt.Records[0].Sns.Message);
        Assert.Equal(new DateTime(2015, 6, 3, 17, 43, 27, 123, DateTimeKind.Utc), evt.Records[0].Sns.Timestamp);
        var json = Write(evt);
        Assert.StartsWith("{\"Records\":[{\"EventSource\":\"aws:sns\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Sns\":{\"Type\":\"Notification\",\"MessageId\":", json, StringComparison.Ordinal);
        Assert.Contains("\"Timestamp\":\"2015-06-03T17:43:27.123Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SQSEvent_Sample_ReadsAttributesAndBinaryValues()
    {
        var message = Load<SQSEvent>("aws-lambda-dotnet/sqs-event.json").Records[0];

        Assert.Equal("arn:aws:sqs:us-west-2:123456789012:SQSQueue", message.EventSourceArn);
        Assert.Equal("2", message.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("Smaug", Encoding.UTF8.GetString(message.MessageAttributes["Attribute1"].BinaryValue.ToArray()));
        Assert.Null(message.MessageAttributes["Attribute2"].BinaryValue);
        Assert.Contains("\"eventSourceARN\":", Write(message), StringComparison.Ordinal);
    }

    [Fact]
    public void SQSBatchResponse_Serialise_WritesBatchItemFailures()
    {
        var response = new SQSBatchResponse([new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "m-1" }]);

        Assert.Equal("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"}]}", Write(response));
        Assert.Equal("{\"batchItemFailures\":[]}", Write(new SQSBatchResponse()));
    }

    [Fact]
    public void S3Event_Sample_ReadsKeySizeAndUtcTime()
    {
        var record = Load<S3Event>("aws-lambda-go/s3-event.json").Records[0];

        Assert.Equal("Happy%20Face.jpg", record.S3.Object.Key);
        Assert.Equal(1024, record.S3.Object.Size);
        Assert.Equal("C3D13FE58DE4C810", record.ResponseElements.XAmzRequestId);
        Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc), record.EventTime);
    }

    [Fact]
    public void APIGatewayHttpApiV2ProxyRequest_Authorizers_ReadJwtIamAndLambda()
    {
        var jwt = Load<APIGatewayHttpApiV2ProxyRequest>("aws-lambda-go/apigw-v2-request-jwt-authorizer.json");
        var iam = Load<APIGatewayHttpApiV2ProxyRequest>("aws-lambda-go/apigw-v2-request-iam.json");
        var lambda = Load<APIGatewayHttpApiV2ProxyRequest>("aws-lambda-go/apigw-v2-request-lambda-authorizer.json");

        Assert.Equal("value1", jwt.RequestContext.Authorizer.Jwt.Claims["claim1"]);
        Assert.Equal(["scope1", "scope2"], jwt.RequestContext.Authorizer.Jwt.Scopes);
        Assert.Equal("arn:aws:iam::1234567890:user/Admin", iam.RequestContext.Authorizer.IAM.UserARN);
        Assert.Equal(["foo"], iam.RequestContext.Authorizer.IAM.CognitoIdentity.AMR);
        Assert.Equal("value", lambda.RequestContext.Authorizer.Lambda["key"].ToString());
        Assert.Equal("GET", jwt.RequestContext.Http.Method);
        Assert.Equal(1583348638390, jwt.RequestContext.TimeEpoch);
        Assert.Equal("Aug  5 00:28:21 2120 GMT", jwt.RequestContext.Authentication.ClientCert.Validity.NotAfter);
    }

    [Fact]
    public void APIGatewayHttpApiV2ProxyResponse_SetHeaderValues_AppendsCommaSeparated()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
        response.SetHeaderValues("Vary", "Accept", append: false);
        response.SetHeaderValues("Vary", ["Origin", "Cookie"], append: true);

        Assert.Equal("Accept,Origin,Cookie", response.Headers["Vary"]);
        Assert.Equal("{\"statusCode\":200,\"headers\":{\"Vary\":\"Accept,Origin,Cookie\"},\"isBase64Encoded\":false}", Write(response));
    }

    [Fact]
    public void ScheduledEvent_Sample_ReadsDetailTypeAndWritesTimeToTheSecond()
    {
        var evt = Load<ScheduledEvent>("aws-lambda-dotnet/scheduled-event.json");

        Assert.Equal("Scheduled Event", evt.DetailType);
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/my-schedule", Assert.Single(evt.Resources));
        Assert.Contains("\"time\":\"1970-01-01T00:00:00Z\"", Write(evt), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonEquivalence_DifferentValue_Fails()
    {
        Assert.ThrowsAny<Exception>(() => JsonEquivalence.AssertEquivalent("{\"a\":1}", "{\"a\":2}"));
        Assert.ThrowsAny<Exception>(() => JsonEquivalence.AssertEquivalent("{\"a\":1}", "{\"a\":1,\"b\":0}"));
        Assert.ThrowsAny<Exception>(() => JsonEquivalence.AssertEquivalent("{\"t\":\"2020-01-01T00:00:00Z\"}", "{\"t\":\"2020-01-01T00:00:01Z\"}"));
        JsonEquivalence.AssertEquivalent("{\"t\":\"2020-01-01T00:00:00.000Z\",\"n\":null,\"x\":1.0}", "{\"x\":1,\"t\":\"2020-01-01T00:00:00Z\"}");
    }
}
