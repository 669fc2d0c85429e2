// expect-fail: chunk-failure-caught
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Course.Lambda.Core;
using Course.Sandbox.Clients.BedrockRuntime;
using Course.Sandbox.Clients.BedrockRuntime.Model;

namespace DocumentPipeline;

// GIVEN — you do not need to change this file. The exercise is statemachine.asl.json and workflow.yaml.
//
// Three Lambda functions, one per method, deployed from this one file (on AWS: one project, three functions whose
// handler strings are DocumentPipeline::DocumentPipeline.Function::Extract, ::SummarizeChunk and ::Store):
//
//   extract-chunks   Extract         {"bucket", "key"}          → {"documentKey", "chunks": [{"index", "text"}, …]}
//   summarize-chunk  SummarizeChunk  {"index", "text"}          → {"index", "summary", "inputTokens", "outputTokens"}
//   store-summary    Store           {"documentKey", "results"} → writes the summary to the DynamoDB table
//
// SummarizeChunk makes exactly one Bedrock call and does not retry: when the model throttles, the function fails
// with ThrottlingException and retrying is the state machine's job (task 2). A chunk longer than MAX_CHUNK_CHARS
// fails with ChunkTooLargeException every time: retrying cannot help, catching can (task 3).

/// <summary>The document pipeline's three functions: extract the chunks, summarize one chunk, store the summary.</summary>
public class Function
{
    private readonly AmazonS3Client _s3 = new();
    private readonly AmazonDynamoDBClient _db = new();
    private readonly AmazonBedrockRuntimeClient _bedrock = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "summaries";
    private readonly string _model = Environment.GetEnvironmentVariable("MODEL_ID") ?? "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly int _chunkChars = Setting("CHUNK_CHARS", 1600);
    private readonly int _maxChunkChars = Setting("MAX_CHUNK_CHARS", 4000);
    private readonly int _maxOutput = Setting("MAX_OUTPUT_TOKENS", 40);

    /// <summary>extract-chunks: reads the document from S3 and packs its paragraphs into chunks.</summary>
    public async Task<ExtractOutput> Extract(ExtractInput input, ILambdaContext context)
    {
        if (string.IsNullOrEmpty(input.Bucket) || string.IsNullOrEmpty(input.Key))
            throw new ArgumentException("extract-chunks needs the execution input {\"bucket\": \"...\", \"key\": \"...\"}");
        using var obj = await _s3.GetObjectAsync(input.Bucket, input.Key);
        using var reader = new StreamReader(obj.ResponseStream, Encoding.UTF8);
        var chunks = Chunk(await reader.ReadToEndAsync(), _chunkChars);
        context.Logger.LogLine($"{input.Key}: {chunks.Count} chunks");
        return new ExtractOutput
        {
            DocumentKey = input.Key,
            Chunks = chunks.Select((text, i) => new DocumentChunk { Index = i, Text = text }).ToList(),
        };
    }

    /// <summary>summarize-chunk: one Bedrock Converse call for one chunk; no retries here.</summary>
    /// <exception cref="ChunkTooLargeException">The chunk is longer than MAX_CHUNK_CHARS (permanent).</exception>
    public async Task<ChunkSummary> SummarizeChunk(DocumentChunk chunk, ILambdaContext context)
    {
        if (chunk.Text is null) throw new ArgumentException("summarize-chunk needs one chunk {\"index\": 0, \"text\": \"...\"} as its input");
        if (chunk.Text.Length > _maxChunkChars)
            throw new ChunkTooLargeException($"chunk {chunk.Index} has {chunk.Text.Length:N0} characters; summarize-chunk takes at most {_maxChunkChars:N0} (a paragraph longer than that is refused every time)");
        var response = await _bedrock.ConverseAsync(new ConverseRequest
        {
            ModelId = _model,
            System = [new SystemContentBlock { Text = "Summarize the text in a few sentences." }],
            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = chunk.Text }] }],
            InferenceConfig = new InferenceConfiguration { MaxTokens = _maxOutput },
        });
        return new ChunkSummary
        {
            Index = chunk.Index,
            Summary = response.Output.Message.Content[0].Text,
            InputTokens = response.Usage.InputTokens ?? 0,
            OutputTokens = response.Usage.OutputTokens ?? 0,
        };
    }

    /// <summary>
    /// store-summary: writes {documentKey, summary (the chunk summaries in index order, joined by a newline), chunks,
    /// failedChunks, inputTokens, outputTokens} to TABLE_NAME. A result with "error" instead of "summary" is a chunk
    /// that failed; it is listed in failedChunks.
    /// </summary>
    public async Task<JsonObject> Store(JsonObject input, ILambdaContext context)
    {
        var key = (input["documentKey"] as JsonValue)?.GetValue<string>()
            ?? throw new ArgumentException($"store-summary needs \"documentKey\" in its input; it got the keys [{Keys(input)}]");
        if (input["results"] is not JsonArray results)
            throw new ArgumentException($"store-summary needs \"results\": the Map state's output array, one entry per chunk; it got the keys [{Keys(input)}]");
        var summaries = new SortedDictionary<int, string>();
        var failed = new SortedSet<int>();
        long inputTokens = 0, outputTokens = 0;
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i] is not JsonObject result || result["index"] is not JsonValue index)
                throw new ArgumentException($"results[{i}] has no \"index\" ({Short(results[i])}); each entry must be summarize-chunk's output or a failed chunk {{\"index\", \"error\"}}");
            var n = index.GetValue<int>();
            if (result["summary"] is JsonValue summary)
            {
                summaries[n] = summary.GetValue<string>();
                inputTokens += (result["inputTokens"] as JsonValue)?.GetValue<long>() ?? 0;
                outputTokens += (result["outputTokens"] as JsonValue)?.GetValue<long>() ?? 0;
            }
            else if (result.ContainsKey("error"))
            {
                failed.Add(n);
            }
            else
            {
                throw new ArgumentException($"results[{i}] has neither \"summary\" nor \"error\" ({Short(result)})");
            }
        }

        var item = new Dictionary<string, AttributeValue>
        {
            ["documentKey"] = new AttributeValue { S = key },
            ["summary"] = new AttributeValue { S = string.Join("\n", summaries.Values) },
            ["chunks"] = new AttributeValue { N = results.Count.ToString(CultureInfo.InvariantCulture) },
            ["failedChunks"] = new AttributeValue { S = string.Join(",", failed) },
            ["inputTokens"] = new AttributeValue { N = inputTokens.ToString(CultureInfo.InvariantCulture) },
            ["outputTokens"] = new AttributeValue { N = outputTokens.ToString(CultureInfo.InvariantCulture) },
        };
        await _db.PutItemAsync(new PutItemRequest { TableName = _table, Item = item });
        context.Logger.LogLine($"{key}: {summaries.Count} of {results.Count} chunks summarized; failed: [{string.Join(",", failed)}]");
        return new JsonObject { ["documentKey"] = key, ["chunks"] = results.Count, ["failedChunks"] = new JsonArray([.. failed.Select(f => (JsonNode)f)]) };
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

        if (current.Length > 0) chunks.Add(current.ToString());
        return chunks;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Keys(JsonObject o) => string.Join(", ", o.Select(p => p.Key));

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}

/// <summary>extract-chunks' input: where the document is.</summary>
public class ExtractInput
{
    /// <summary>The S3 bucket.</summary>
    [JsonPropertyName("bucket")] public string? Bucket { get; set; }

    /// <summary>The object key.</summary>
    [JsonPropertyName("key")] public string? Key { get; set; }
}

/// <summary>extract-chunks' output: the document's key and its chunks in order.</summary>
public class ExtractOutput
{
    /// <summary>The document's key (the table's partition key).</summary>
    [JsonPropertyName("documentKey")] public string DocumentKey { get; set; } = "";

    /// <summary>The chunks, in document order.</summary>
    [JsonPropertyName("chunks")] public List<DocumentChunk> Chunks { get; set; } = [];
}

/// <summary>One chunk: its position and text (summarize-chunk's input).</summary>
public class DocumentChunk
{
    /// <summary>Its position in the document, from 0.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }

    /// <summary>Whole paragraphs.</summary>
    [JsonPropertyName("text")] public string? Text { get; set; }
}

/// <summary>summarize-chunk's output.</summary>
public class ChunkSummary
{
    /// <summary>The chunk's position.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }

    /// <summary>The model's summary.</summary>
    [JsonPropertyName("summary")] public string Summary { get; set; } = "";

    /// <summary>Input tokens Bedrock billed.</summary>
    [JsonPropertyName("inputTokens")] public int InputTokens { get; set; }

    /// <summary>Output tokens Bedrock billed.</summary>
    [JsonPropertyName("outputTokens")] public int OutputTokens { get; set; }
}

/// <summary>A chunk summarize-chunk refuses every time: retrying cannot help.</summary>
public class ChunkTooLargeException(string message) : Exception(message);
