using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    public string FunctionHandler(Request request, ILambdaContext context)
    {
        var worker = new Thread(() => throw new InvalidOperationException("background boom"));
        worker.Start();
        worker.Join();
        return "hello " + request.Name;
    }
}
