namespace Course.Sandbox.Hosting;

/// <summary>A handler given as a delegate; <c>create</c> runs once per environment (the INIT phase).</summary>
internal sealed class DelegateHandlerFactory(string name, Func<Delegate> create) : HandlerFactory
{
    public override string Description => $"delegate::{name}";

    public override IHandlerInstance CreateInstance()
    {
        var handler = create();
        return new MethodHandlerInstance(new MethodInvoker(handler.Method), handler.Target, null);
    }
}
