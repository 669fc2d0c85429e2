using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Course.Sandbox.Events.Generate;
using Course.Sandbox.Services.EventBridge.Patterns;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course events generate &lt;apigw|s3|sqs|dynamodb|eventbridge|sns&gt; [options]</c> prints a realistic sample event
/// (like <c>sam local generate-event</c>); <c>course events test-pattern --pattern &lt;file&gt; --event &lt;file&gt;</c> prints
/// <c>true</c> or <c>false</c> (like <c>aws events test-event-pattern</c>). Exit codes: 0 done, 2 bad input (an invalid
/// pattern, an unreadable file, an invalid option value), with the reason on stderr.
/// </summary>
internal static class EventsCommand
{
    /// <summary>Builds the <c>events</c> command with its two verbs.</summary>
    /// <returns>The command, ready to add to the root command.</returns>
    public static Command Create() => new("events", "Sample AWS events and EventBridge pattern testing")
    {
        CreateGenerate(),
        CreateTestPattern(),
    };

    private static Command CreateGenerate()
    {
        var service = new Argument<string>("service") { Description = "The event source: " + string.Join(", ", EventGenerator.Services) };
        service.AcceptOnlyFromAmong([.. EventGenerator.Services]);
        var seed = new Option<int>("--seed") { Description = "Seed for ids; the same seed and time give the same event", DefaultValueFactory = _ => 1 };
        var time = new Option<string?>("--time") { Description = "Event time, ISO 8601 (e.g. 2026-01-01T12:00:00Z); default: now" };
        var method = new Option<string?>("--method") { Description = "apigw: HTTP method (default POST)" };
        var path = new Option<string?>("--path") { Description = "apigw: request path, optionally with ?query (default /)" };
        var body = new Option<string[]>("--body") { Description = "apigw: request body; sqs: a message body (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var bucket = new Option<string?>("--bucket") { Description = "s3: bucket name (default example-bucket)" };
        var key = new Option<string?>("--key") { Description = "s3: object key (default test/key)" };
        var eventName = new Option<string?>("--event-name") { Description = "s3: e.g. ObjectRemoved:Delete (default ObjectCreated:Put); dynamodb: INSERT, MODIFY or REMOVE" };
        var queue = new Option<string?>("--queue") { Description = "sqs: queue name; a .fifo name adds FIFO attributes (default my-queue)" };
        var table = new Option<string?>("--table") { Description = "dynamodb: table name (default Example-Table)" };
        var source = new Option<string?>("--source") { Description = "eventbridge: source (default com.example.app)" };
        var detailType = new Option<string?>("--detail-type") { Description = "eventbridge: detail-type (default Example Event)" };
        var detail = new Option<string?>("--detail") { Description = "eventbridge: detail JSON object (default {\"message\": \"hello\"})" };
        var topic = new Option<string?>("--topic") { Description = "sns: topic name (default my-topic)" };
        var message = new Option<string?>("--message") { Description = "sns: message (default Hello from SNS!)" };
        var subject = new Option<string?>("--subject") { Description = "sns: subject (default Example subject)" };

        var command = new Command("generate", "Print a realistic sample event for a Lambda trigger")
        {
            service, seed, time, method, path, body, bucket, key, eventName, queue, table, source, detailType, detail, topic, message, subject,
        };
        command.SetAction(result =>
        {
            var settings = new GenerateSettings
            {
                Service = result.GetValue(service)!,
                Seed = result.GetValue(seed),
                Time = result.GetValue(time),
                Method = result.GetValue(method),
                Path = result.GetValue(path),
                Bodies = result.GetValue(body) ?? [],
                Bucket = result.GetValue(bucket),
                Key = result.GetValue(key),
                EventName = result.GetValue(eventName),
                Queue = result.GetValue(queue),
                Table = result.GetValue(table),
                Source = result.GetValue(source),
                DetailType = result.GetValue(detailType),
                Detail = result.GetValue(detail),
                Topic = result.GetValue(topic),
                Message = result.GetValue(message),
                Subject = result.GetValue(subject),
            };
            return Generate(settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
        return command;
    }

    private static Command CreateTestPattern()
    {
        var pattern = new Option<string>("--pattern") { Description = "File holding the event pattern (JSON)", Required = true };
        var evt = new Option<string>("--event") { Description = "File holding the event (JSON)", Required = true };
        var command = new Command("test-pattern", "Print true if the event matches the EventBridge pattern, false if not") { pattern, evt };
        command.SetAction(result => TestPattern(result.GetValue(pattern)!, result.GetValue(evt)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Generates one event and writes it as indented JSON.</summary>
    /// <param name="settings">The parsed options.</param>
    /// <param name="output">Where the event goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <returns>0, or 2 for bad input.</returns>
    internal static int Generate(GenerateSettings settings, TextWriter output, TextWriter error)
    {
        var clock = TimeProvider.System;
        if (settings.Time is not null)
        {
            if (!DateTimeOffset.TryParse(settings.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                error.WriteLine($"events generate: --time '{settings.Time}' is not a date and time; use ISO 8601, e.g. 2026-01-01T12:00:00Z.");
                return 2;
            }

            clock = new FixedClock(at);
        }

        var generator = new EventGenerator(new Random(settings.Seed), clock);
        try
        {
            var json = settings.Service switch
            {
                "apigw" => EventGenerator.Serialize(generator.ApiGatewayHttpApiV2(ApiGateway(settings))),
                "s3" => EventGenerator.Serialize(generator.S3(new S3EventOptions
                {
                    Bucket = settings.Bucket ?? "example-bucket",
                    Key = settings.Key ?? "test/key",
                    EventName = settings.EventName ?? "ObjectCreated:Put",
                })),
                "sqs" => EventGenerator.Serialize(generator.Sqs(new SqsEventOptions
                {
                    QueueName = settings.Queue ?? "my-queue",
                    Bodies = settings.Bodies.Count > 0 ? settings.Bodies : ["Hello from SQS!"],
                })),
                "dynamodb" => EventGenerator.Serialize(generator.DynamoDb(new DynamoDbEventOptions
                {
                    TableName = settings.Table ?? "Example-Table",
                    EventName = settings.EventName ?? "INSERT",
                })),
                "eventbridge" => EventGenerator.Serialize(generator.EventBridge(new EventBridgeEventOptions
                {
                    Source = settings.Source ?? "com.example.app",
                    DetailType = settings.DetailType ?? "Example Event",
                    DetailJson = settings.Detail ?? "{\"message\": \"hello\"}",
                })),
                "sns" => EventGenerator.Serialize(generator.Sns(new SnsEventOptions
                {
                    TopicName = settings.Topic ?? "my-topic",
                    Message = settings.Message ?? "Hello from SNS!",
                    Subject = settings.Subject ?? "Example subject",
                })),
                _ => throw new ArgumentException($"Unknown service \"{settings.Service}\"; use one of {string.Join(", ", EventGenerator.Services)}."),
            };
            output.WriteLine(json);
            return 0;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"events generate {settings.Service}: {e.Message}");
            return 2;
        }
    }

    /// <summary>Tests an event against a pattern, both read from files, and writes <c>true</c> or <c>false</c>.</summary>
    /// <param name="patternPath">The pattern file.</param>
    /// <param name="eventPath">The event file.</param>
    /// <param name="output">Where the answer goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <returns>0 when answered; 2 for an unreadable file, an invalid pattern or an event that is not JSON.</returns>
    internal static int TestPattern(string patternPath, string eventPath, TextWriter output, TextWriter error)
    {
        if (Read(patternPath, "pattern", error) is not { } patternJson || Read(eventPath, "event", error) is not { } eventJson)
        {
            return 2;
        }

        EventPattern pattern;
        try
        {
            pattern = EventPattern.Parse(patternJson);
        }
        catch (InvalidEventPatternException e)
        {
            error.WriteLine($"{patternPath}: {e.Message}");
            return 2;
        }

        try
        {
            using var document = JsonDocument.Parse(eventJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error.WriteLine($"{eventPath}: the event must be a JSON object, such as an EventBridge envelope {{\"source\": ..., \"detail\": {{...}}}}.");
                return 2;
            }

            output.WriteLine(pattern.Matches(document.RootElement) ? "true" : "false");
            return 0;
        }
        catch (JsonException e)
        {
            error.WriteLine($"{eventPath}: the event is not valid JSON ({e.Message})");
            return 2;
        }
    }

    private static ApiGatewayEventOptions ApiGateway(GenerateSettings s)
    {
        var path = s.Path ?? "/";
        var parts = path.Split('?', 2);
        return new ApiGatewayEventOptions
        {
            Method = s.Method ?? "POST",
            Path = parts[0],
            QueryString = parts.Length > 1 ? parts[1] : "",
            Body = s.Bodies.Count > 0 ? s.Bodies[0] : "{\"message\": \"hello world\"}",
        };
    }

    private static string? Read(string path, string what, TextWriter error)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"events test-pattern: cannot read the {what} file '{path}': {e.Message}");
            return null;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
