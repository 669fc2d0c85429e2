using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Course.Lambda.Core;
using Course.Lambda.S3Events;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Clients.BedrockRuntime.Model;
// Both Amazon.DynamoDBv2.Model and the Bedrock model namespace have a ThrottlingException: this one is Bedrock's.
using ThrottlingException = Course.Sandbox.Clients.BedrockRuntime.Model.ThrottlingException;

namespace SummarizePipeline;

/// <summary>S3 document → chunks → Bedrock summaries → DynamoDB. Run `./grade exercises/09-summarize-pipeline` to check it.</summary>
public class Function
{
    private const string SystemPrompt = "Summarize the text in a few sentences.";

    private readonly AmazonS3Client _s3 = new();
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "summaries";
    private readonly string _model = Environment.GetEnvironmentVariable("MODEL_ID") ?? "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly int _chunkChars = int.Parse(Environment.GetEnvironmentVariable("CHUNK_CHARS") ?? "1600", CultureInfo.InvariantCulture);
    private readonly int _maxOutput = int.Parse(Environment.GetEnvironmentVariable("MAX_OUTPUT_TOKENS") ?? "40", CultureInfo.InvariantCulture);

    public async Task FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        // TODO (task 3): a client per invocation pays its set-up on every warm call. Create it once, in a field.
        var bedrock = new AmazonBedrockRuntimeClient();

        foreach (var record in s3Event.Records)
        {
            var bucket = record.S3.Bucket.Name;
            var key = Uri.UnescapeDataString(record.S3.Object.Key.Replace('+', ' '));

            // TODO (task 2): S3 delivers at least once. Claim the document with a conditional PutItem before
            // calling Bedrock, and stop if another invocation already claimed it.
            using var obj = await _s3.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(obj.ResponseStream, Encoding.UTF8);
            var chunks = Chunk(await reader.ReadToEndAsync(), _chunkChars);

            // TODO (task 5): one call after another takes chunks × ~0.9 s; the biggest document outlasts the
            // timeout. Run up to 4 at a time, keeping each answer at its chunk's index.
            var answers = new List<ConverseResponse>();
            foreach (var chunk in chunks)
            {
                // TODO (task 4): Bedrock answers ThrottlingException when it is busy. Retry after a growing,
                // randomized wait (await Task.Delay(...)) instead of failing the whole document.
                answers.Add(await bedrock.ConverseAsync(new ConverseRequest
                {
                    ModelId = _model,
                    System = [new SystemContentBlock { Text = SystemPrompt }],
                    Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = chunk }] }],
                    // TODO (task 3): without InferenceConfig.MaxTokens (= _maxOutput) the answer may be long, and
                    // every output token is billed.
                }));
            }

            var summary = string.Join("\n", answers.Select(a => a.Output.Message.Content[0].Text));
            await _db.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["documentKey"] = new AttributeValue { S = key },
                    ["summary"] = new AttributeValue { S = summary },
                    ["chunks"] = new AttributeValue { N = chunks.Count.ToString(CultureInfo.InvariantCulture) },
                    // TODO (task 1): add inputTokens and outputTokens: the sums of answer.Usage.InputTokens / OutputTokens.
                },
            });
        }
    }

    /// <summary>Splits the text into chunks of at most <paramref name="max"/> characters.</summary>
    public static List<string> Chunk(string text, int max)
    {
        // TODO (task 2): this cuts paragraphs (and sentences) in half. Split on blank lines ("\n\n") and pack
        // whole paragraphs into chunks of at most max characters — and do not forget the last chunk.
        var chunks = new List<string>();
        for (var i = 0; i < text.Length; i += max)
        {
            chunks.Add(text.Substring(i, Math.Min(max, text.Length - i)));
        }

        return chunks;
    }
}
