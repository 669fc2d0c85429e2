using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    public string FunctionHandler(Request request, ILambdaContext context) => Recurse(request.Name ?? "", 0);

    private static string Recurse(string name, int depth) => depth < 0 ? name : Recurse(name, depth + 1) + "!";
}
