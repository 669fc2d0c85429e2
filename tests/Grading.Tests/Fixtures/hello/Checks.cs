using Course.Grading.Exercises;
using Course.Sandbox.Observability;

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
        // Judge the platform's record, not the handler: how many execution environments ran INIT?
        var inits = ctx.Trace.OfKind(TraceKind.EnvironmentInit).Count();
        var starts = ctx.Trace.OfKind(TraceKind.InvokeStart).Select(e => e.Detail).ToList();
        CheckContext.Require(inits == 1 && first.ColdStart && !second.ColdStart,
            $"{inits} INIT phase(s) for two back-to-back invocations ({string.Join("; ", starts)})",
            "one INIT, then a warm start reusing the environment",
            "keep the handler class free of per-invocation construction");
        ctx.Note("two invocations, one cold start");
    }
}
