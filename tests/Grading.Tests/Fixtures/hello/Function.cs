using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    private readonly string _prefix;

    public Function()
    {
        _prefix = "hello";
        Console.WriteLine("INIT: prefix ready");
    }

    public string FunctionHandler(Request request, ILambdaContext context)
    {
        context.Logger.LogLine($"greeting {request.Name}");
        return $"{_prefix} {request.Name}";
    }
}
