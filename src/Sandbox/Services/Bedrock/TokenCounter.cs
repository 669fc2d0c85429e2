namespace Course.Sandbox.Services.Bedrock;

/// <summary>
/// The sandbox's token count: an approximation of a Claude tokenizer, deterministic and explainable. One token is
/// about four characters of English text (Anthropic and AWS both quote this rule of thumb), so a text of <c>n</c>
/// characters (UTF-16 code units) counts <c>⌈n / 4⌉</c> tokens, and an empty text none. Real tokenizers differ by a
/// few per cent either way; what the course teaches (cost grows with input and output length, quotas count tokens)
/// does not depend on the difference.
/// </summary>
public static class TokenCounter
{
    /// <summary>Characters per token.</summary>
    public const int CharactersPerToken = 4;

    /// <summary>The number of tokens in <paramref name="text"/>: <c>⌈length / 4⌉</c>; 0 for null or empty.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The token count.</returns>
    public static int Count(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : (text.Length + CharactersPerToken - 1) / CharactersPerToken;

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="tokens"/> tokens.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">The budget, at least 0.</param>
    /// <returns>The prefix (the whole text when it fits).</returns>
    public static string Truncate(string text, int tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        var chars = (long)tokens * CharactersPerToken;
        return chars >= text.Length ? text : text[..(int)chars];
    }
}
