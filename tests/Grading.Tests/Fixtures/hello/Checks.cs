using Course.Grading.Exercises;

namespace Hello.Checks;

public static class HelloChecks
{
    [Check("greets-by-name")]
    public static async Task GreetsByName(CheckContext ctx)
    {
        var result = await ctx.InvokeAsync("{\"name\":\"ada\"}");
        CheckContext.Require(result.Succeeded,
            $"the invocation failed with {result.ErrorType}: {result.ErrorMessage}",
            "a successful invocation",
            "make the handler return instead of throwing");
        CheckContext.Require(result.Payload == "\"hello ada\"",
            $"the function returned {result.Payload}",
            "\"hello ada\" for {\"name\":\"ada\"}",
            "return \"hello \" + request.Name");
    }

    [Check("init-once")]
    public static async Task InitOnce(CheckContext ctx)
    {
        var first = await ctx.InvokeAsync("{\"name\":\"a\"}");
        var second = await ctx.InvokeAsync("{\"name\":\"b\"}");
        CheckContext.Require(first.Succeeded && second.Succeeded,
            $"the invocations failed: {first.ErrorType ?? second.ErrorType}",
            "two successful invocations",
            "make the handler return instead of throwing");
        CheckContext.Require(first.ColdStart && !second.ColdStart,
            $"cold starts: first={first.ColdStart}, second={second.ColdStart}",
            "only the first invocation to be a cold start",
            "keep the handler class free of per-invocation construction");
        ctx.Note("two invocations, one cold start");
    }
}
