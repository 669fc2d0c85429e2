using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    // A 6 s sleep in a function whose timeout is 5 s: on AWS it times out, so it must not pass here either.
    public string FunctionHandler(Request request, ILambdaContext context)
    {
        Thread.Sleep(6000);
        return "hello " + request.Name;
    }
}
