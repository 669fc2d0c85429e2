using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    public string FunctionHandler(Request request, ILambdaContext context)
    {
        var n = 0L;
        while (request.Name != "never") { n++; }
        return n.ToString();
    }
}
