using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    public string FunctionHandler(Request request, ILambdaContext context)
    {
        Environment.Exit(3);
        return "unreachable";
    }
}
