using Course.Lambda.Core;

namespace Hello;

public sealed record Request(string? Name);

public class Function
{
    public string FunctionHandler(Request request, ILambdaContext context)
    {
        var hoard = new List<byte[]>();
        while (true) { hoard.Add(new byte[1 << 20]); hoard[^1][0] = 1; }
    }
}
