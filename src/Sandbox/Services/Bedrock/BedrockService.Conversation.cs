namespace Course.Sandbox.Services.Bedrock;

/// <content>Conversation checks (Bedrock's ValidationException wording) and the deterministic extractive answer.</content>
public sealed partial class BedrockService
{
    private static string ValidateConversation(IReadOnlyList<BedrockMessage>? messages, TimeSpan reject)
    {
        const string start = "A conversation must start with a user message. Try again with a conversation that starts with a user message.";
        if (messages is null || messages.Count == 0)
        {
            throw new BedrockException(BedrockException.Validation, start, reject);
        }
        string? question = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i] ?? throw new BedrockException(BedrockException.Validation, $"1 validation error detected: Value null at 'messages.{i + 1}.member' failed to satisfy constraint: Member must not be null", reject);
            if (m.Role is not (BedrockMessage.User or BedrockMessage.Assistant))
            {
                throw new BedrockException(BedrockException.Validation, $"1 validation error detected: Value '{m.Role}' at 'messages.{i + 1}.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]", reject);
            }
            if (i == 0 && m.Role != BedrockMessage.User)
            {
                throw new BedrockException(BedrockException.Validation, start, reject);
            }
            if (i > 0 && m.Role == messages[i - 1].Role)
            {
                throw new BedrockException(BedrockException.Validation, "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.", reject);
            }
            if (string.IsNullOrWhiteSpace(m.Text))
            {
                throw new BedrockException(BedrockException.Validation, $"The text field in the ContentBlock object at messages.{i}.content.0 is blank. Add text to the text field, and try again.", reject);
            }
            if (m.Role == BedrockMessage.User)
            {
                question = m.Text;
            }
        }

        return question!;
    }

    /// <summary>The deterministic answer: the first ⌈n/3⌉ sentences (1–5) of <paramref name="question"/>, cut at <paramref name="maxTokens"/>.</summary>
    internal static (string Text, string StopReason) Answer(string question, int maxTokens)
    {
        var sentences = SentenceBreak().Split(question.Trim()).Where(s => s.Length > 0).ToArray();
        var take = Math.Clamp((sentences.Length + 2) / 3, 1, 5);
        var answer = string.Join(" ", sentences.Take(take));
        return TokenCounter.Count(answer) > maxTokens
            ? (TokenCounter.Truncate(answer, maxTokens), BedrockCompletion.MaxTokens)
            : (answer, BedrockCompletion.EndTurn);
    }
}
