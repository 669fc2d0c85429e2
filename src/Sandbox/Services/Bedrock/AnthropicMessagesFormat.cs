using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Sandbox.Services.Bedrock;

/// <summary>Anthropic's Messages body on Bedrock (InvokeModel): parsing requests with Bedrock's "Malformed input request" wording, writing responses.</summary>
internal static class AnthropicMessagesFormat
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "anthropic_version", "anthropic_beta", "max_tokens", "messages", "system", "temperature", "top_p", "top_k",
        "stop_sequences", "metadata", "tools", "tool_choice", "thinking",
    };

    internal sealed record Request(int MaxTokens, IReadOnlyList<BedrockMessage> Messages, string? System);

    public static Request Parse(string? body, TimeSpan reject)
    {
        if (string.IsNullOrEmpty(body))
        {
            throw new BedrockException(BedrockException.Validation, "1 validation error detected: Value null at 'body' failed to satisfy constraint: Member must not be null", reject);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw Malformed("#: the body is not valid JSON", reject);
        }

        if (root is not JsonObject o)
        {
            throw Malformed("#: expected type: JSONObject", reject);
        }
        foreach (var key in o.Select(p => p.Key))
        {
            if (!KnownKeys.Contains(key))
            {
                throw Malformed($"#: extraneous key [{key}] is not permitted", reject);
            }
        }

        if (o["anthropic_version"] is null)
        {
            throw Malformed("#: required key [anthropic_version] not found", reject);
        }
        if (o["max_tokens"] is not JsonNode maxNode)
        {
            throw Malformed("#: required key [max_tokens] not found", reject);
        }
        if (maxNode is not JsonValue maxValue || !maxValue.TryGetValue<int>(out var maxTokens))
        {
            throw Malformed($"#/max_tokens: expected type: Integer, found: {Kind(maxNode)}", reject);
        }
        if (maxTokens < 1)
        {
            throw Malformed($"#/max_tokens: {maxTokens} is not greater or equal to 1", reject);
        }
        if (o["messages"] is not JsonNode messagesNode)
        {
            throw Malformed("#: required key [messages] not found", reject);
        }
        if (messagesNode is not JsonArray array)
        {
            throw Malformed($"#/messages: expected type: JSONArray, found: {Kind(messagesNode)}", reject);
        }

        var messages = new List<BedrockMessage>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var where = $"#/messages/{i}";
            if (array[i] is not JsonObject m)
            {
                throw Malformed($"{where}: expected type: JSONObject", reject);
            }
            if (m["role"] is not JsonValue roleValue || !roleValue.TryGetValue<string>(out var role))
            {
                throw Malformed($"{where}: required key [role] not found", reject);
            }
            if (m["content"] is not JsonNode content)
            {
                throw Malformed($"{where}: required key [content] not found", reject);
            }
            messages.Add(new BedrockMessage(role, Text(content, where + "/content", reject)));
        }

        var system = o["system"] is JsonNode systemNode ? Text(systemNode, "#/system", reject) : null;
        return new Request(maxTokens, messages, system);
    }

    public static string Write(BedrockCompletion c)
    {
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = c.Model.AnthropicModelName,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = c.Text }),
            ["stop_reason"] = c.StopReason,
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = c.InputTokens, ["output_tokens"] = c.OutputTokens },
        };
        return json.ToJsonString();
    }

    private static string Text(JsonNode content, string where, TimeSpan reject)
    {
        if (content is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }
        if (content is not JsonArray blocks)
        {
            throw Malformed($"{where}: expected a string or an array of content blocks, found: {Kind(content)}", reject);
        }
        var text = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not JsonObject block)
            {
                throw Malformed($"{where}/{i}: expected type: JSONObject", reject);
            }
            var type = block["type"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts : null;
            if (type != "text")
            {
                throw Malformed($"{where}/{i}: the sandbox models text content only (type \"text\"), found type \"{type ?? "null"}\"", reject);
            }
            if (block["text"] is not JsonValue tv || !tv.TryGetValue<string>(out var part))
            {
                throw Malformed($"{where}/{i}: required key [text] not found", reject);
            }
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(part);
        }

        return text.ToString();
    }

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "String",
        JsonValueKind.Number => "Number",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        JsonValueKind.Array => "JSONArray",
        JsonValueKind.Object => "JSONObject",
        _ => "Null",
    };

    private static BedrockException Malformed(string detail, TimeSpan reject) =>
        new(BedrockException.Validation, $"Malformed input request: {detail}, please reformat your input and try again.", reject);
}
