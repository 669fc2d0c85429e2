using System.Reflection;
using Course.Lambda.Core;

namespace Course.Sandbox.Hosting;

/// <summary>A handler method on a type loaded in this process.</summary>
internal sealed class TypeHandlerFactory : HandlerFactory
{
    private readonly Type _type;
    private readonly MethodInvoker _invoker;

    public TypeHandlerFactory(Type type, string method)
    {
        ArgumentNullException.ThrowIfNull(type);
        var info = FindMethod(type, method);
        if (!info.IsStatic && type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw HandlerBindingException.NoConstructor(type);
        }
        _type = type;
        _invoker = new MethodInvoker(info);
        IsStatic = info.IsStatic;
    }

    private bool IsStatic { get; }

    public override string Description => _invoker.Description;

    public override IHandlerInstance CreateInstance()
    {
        object? target = null;
        if (!IsStatic)
        {
            try { target = Activator.CreateInstance(_type); }
            catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
        }
        return new MethodHandlerInstance(_invoker, target, null);
    }
}

/// <summary>One environment's handler object and the method to call on it.</summary>
internal sealed class MethodHandlerInstance(MethodInvoker invoker, object? target, IDisposable? owner) : IHandlerInstance
{
    public bool IsAsynchronous => invoker.IsAsynchronous;

    public ValueTask<string?> InvokeAsync(string payload, ILambdaContext context) => invoker.InvokeAsync(target, payload, context);

    public void Dispose()
    {
        (target as IDisposable)?.Dispose();
        owner?.Dispose();
    }
}
