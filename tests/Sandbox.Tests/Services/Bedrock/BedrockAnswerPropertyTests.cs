using Course.Sandbox.Services.Bedrock;
using CsCheck;

namespace Course.Sandbox.Tests.Services.Bedrock;

public class BedrockAnswerPropertyTests
{
    private static readonly Gen<string> Sentence =
        Gen.String[Gen.Char["abcdefghij klmnop"], 1, 40].Select(Gen.Char[".!?"], (body, end) => body.Trim() + end);

    private static readonly Gen<string> Question =
        Sentence.Array[1, 12].Select(Gen.Char[" \n"], (s, sep) => string.Join(sep, s));

    [Fact]
    public void Answer_AnyQuestionAndLimit_FitsTheLimit_IsRepeatable_AndSaysWhetherItWasCut()
    {
        Gen.Select(Question, Gen.Int[1, 60]).Sample((question, maxTokens) =>
        {
            var (text, stop) = BedrockService.Answer(question, maxTokens);
            var again = BedrockService.Answer(question, maxTokens);
            var whole = BedrockService.Answer(question, int.MaxValue / TokenCounter.CharactersPerToken);
            return TokenCounter.Count(text) <= maxTokens
                && (text, stop) == again
                && whole.StopReason == BedrockCompletion.EndTurn
                && (stop == BedrockCompletion.EndTurn ? text == whole.Text : whole.Text.StartsWith(text, StringComparison.Ordinal) && text.Length < whole.Text.Length);
        });
    }

    [Fact]
    public void Answer_TakesAThirdOfTheSentences_BetweenOneAndFive()
    {
        Gen.Int[1, 20].Sample(n =>
        {
            var question = string.Join(" ", Enumerable.Range(0, n).Select(i => $"S{i}."));
            var (text, _) = BedrockService.Answer(question, 10_000);
            var expected = Math.Clamp((int)Math.Ceiling(n / 3.0), 1, 5);
            return text == string.Join(" ", Enumerable.Range(0, expected).Select(i => $"S{i}."));
        });
    }
}
