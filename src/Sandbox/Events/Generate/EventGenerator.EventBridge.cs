using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Services.EventBridge;

namespace Course.Sandbox.Events.Generate;

public sealed partial class EventGenerator
{
    /// <summary>An EventBridge event delivered to a rule target.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The event with its detail as a <see cref="JsonElement"/>.</returns>
    /// <exception cref="ArgumentException">Source or detail-type is empty, or the detail is not a JSON object.</exception>
    public CloudWatchEvent<JsonElement> EventBridge(EventBridgeEventOptions? options = null)
    {
        options ??= new EventBridgeEventOptions();
        var json = _envelopes.CreateJson(options.Source, options.DetailType, options.DetailJson, options.Resources);
        return Serializer.Deserialize<CloudWatchEvent<JsonElement>>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }
}
