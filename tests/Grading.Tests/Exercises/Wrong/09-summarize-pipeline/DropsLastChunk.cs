// expect-fail: every-chunk-once
// Packs paragraphs into chunks but never sends the chunk still being filled when the loop ends.
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Course.Lambda.Core;
using Course.Lambda.S3Events;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Clients.BedrockRuntime.Model;
using ThrottlingException = Course.Sandbox.Clients.BedrockRuntime.Model.ThrottlingException;

namespace SummarizePipeline;

/// <summary>S3 document → paragraphs packed into chunks → one Bedrock summary per chunk (4 at a time, backed off with jitter) → DynamoDB.</summary>
public class Function
{
    private const string SystemPrompt = "Summarize the text in a few sentences.";
    private const int Parallelism = 4;
    private const int MaxAttempts = 8;

    private readonly AmazonS3Client _s3 = new();
    private readonly AmazonDynamoDBClient _db = new();
    private readonly AmazonBedrockRuntimeClient _bedrock = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "summaries";
    private readonly string _model = Environment.GetEnvironmentVariable("MODEL_ID") ?? "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly int _chunkChars = int.Parse(Environment.GetEnvironmentVariable("CHUNK_CHARS") ?? "1600", CultureInfo.InvariantCulture);
    private readonly int _maxOutput = int.Parse(Environment.GetEnvironmentVariable("MAX_OUTPUT_TOKENS") ?? "40", CultureInfo.InvariantCulture);

    public async Task FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            var bucket = record.S3.Bucket.Name;
            var key = Uri.UnescapeDataString(record.S3.Object.Key.Replace('+', ' '));
            if (!await ClaimAsync(key, context.AwsRequestId))
            {
                context.Logger.LogLine($"{key} is already claimed by another invocation; duplicate delivery ignored");
                continue;
            }

            using var obj = await _s3.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(obj.ResponseStream, Encoding.UTF8);
            var chunks = Chunk(await reader.ReadToEndAsync(), _chunkChars);
            var jitter = new Random(StableHash(context.AwsRequestId));
            var answers = new ConverseResponse[chunks.Count];
            using var gate = new SemaphoreSlim(Parallelism);
            await Task.WhenAll(chunks.Select(async (chunk, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    answers[i] = await SummarizeAsync(chunk, jitter, context);
                }
                finally
                {
                    gate.Release();
                }
            }));

            var summary = string.Join("\n", answers.Select(a => a.Output.Message.Content[0].Text));
            var input = answers.Sum(a => a.Usage.InputTokens ?? 0);
            var output = answers.Sum(a => a.Usage.OutputTokens ?? 0);
            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["documentKey"] = new AttributeValue { S = key },
                    ["claimedBy"] = new AttributeValue { S = context.AwsRequestId },
                    ["summary"] = new AttributeValue { S = summary },
                    ["chunks"] = new AttributeValue { N = chunks.Count.ToString(CultureInfo.InvariantCulture) },
                    ["inputTokens"] = new AttributeValue { N = input.ToString(CultureInfo.InvariantCulture) },
                    ["outputTokens"] = new AttributeValue { N = output.ToString(CultureInfo.InvariantCulture) },
                },
            });
            context.Logger.LogLine($"{key}: {chunks.Count} chunks, {input} input + {output} output tokens");
        }
    }

    /// <summary>Whole paragraphs (split on blank lines) packed greedily into chunks of at most <paramref name="max"/> characters.</summary>
    public static List<string> Chunk(string text, int max)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (current.Length > 0 && current.Length + 2 + paragraph.Length > max)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0) current.Append("\n\n");
            current.Append(paragraph);
        }

        return chunks;
    }

    private async Task<bool> ClaimAsync(string key, string requestId)
    {
        try
        {
            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["documentKey"] = new AttributeValue { S = key },
                    ["claimedBy"] = new AttributeValue { S = requestId },
                },
                ConditionExpression = "attribute_not_exists(documentKey) OR claimedBy = :me",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":me"] = new AttributeValue { S = requestId } },
            });
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<ConverseResponse> SummarizeAsync(string chunk, Random jitter, ILambdaContext context)
    {
        var delay = 200;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _bedrock.ConverseAsync(new ConverseRequest
                {
                    ModelId = _model,
                    System = [new SystemContentBlock { Text = SystemPrompt }],
                    Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = chunk }] }],
                    InferenceConfig = new InferenceConfiguration { MaxTokens = _maxOutput },
                });
            }
            catch (ThrottlingException) when (attempt < MaxAttempts)
            {
                double wait;
                lock (jitter) wait = (delay / 2.0) + (jitter.NextDouble() * delay / 2.0);
                context.Logger.LogLine($"throttled (attempt {attempt}); retrying in {wait:0.#} ms");
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
                delay = Math.Min(delay * 2, 5_000);
            }
        }
    }

    /// <summary>FNV-1a: the same request id gives the same seed in every process (string.GetHashCode does not).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
