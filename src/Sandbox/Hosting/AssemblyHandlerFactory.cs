using System.Reflection;
using System.Runtime.Loader;

namespace Course.Sandbox.Hosting;

/// <summary>
/// A handler in a compiled assembly image, loaded afresh into a collectible load context per execution environment
/// so that statics, singletons and lazy fields are per environment, as on AWS. Framework, Course.Lambda and AWS SDK
/// assemblies resolve to the host's copies, so contract types are shared.
/// </summary>
internal sealed class AssemblyHandlerFactory : HandlerFactory
{
    private readonly byte[] _image;
    private readonly byte[]? _symbols;
    private readonly string _typeName;
    private readonly string _method;
    private int _loads;

    public AssemblyHandlerFactory(byte[] image, byte[]? symbols, string typeName, string method)
    {
        ArgumentNullException.ThrowIfNull(image);
        _image = image;
        _symbols = symbols;
        _typeName = typeName;
        _method = method;
        // Bind once up front so a wrong type or method is reported at deploy time, not at the first invoke.
        var probe = Load();
        try { Bind(probe.Assembly); }
        finally { probe.Context.Unload(); }
    }

    public override string Description => $"{_typeName}::{_method}";

    public override IHandlerInstance CreateInstance()
    {
        var (context, assembly) = Load();
        var (type, invoker, isStatic) = Bind(assembly);
        object? target = null;
        if (!isStatic)
        {
            try { target = Activator.CreateInstance(type); }
            catch (TargetInvocationException e) when (e.InnerException is not null) { context.Unload(); throw e.InnerException; }
        }
        return new MethodHandlerInstance(invoker, target, new Unloader(context));
    }

    private (AssemblyLoadContext Context, Assembly Assembly) Load()
    {
        var context = new AssemblyLoadContext($"lambda-env-{Interlocked.Increment(ref _loads)}", isCollectible: true);
        using var image = new MemoryStream(_image, writable: false);
        using var symbols = _symbols is null ? null : new MemoryStream(_symbols, writable: false);
        return (context, context.LoadFromStream(image, symbols));
    }

    private (Type Type, MethodInvoker Invoker, bool IsStatic) Bind(Assembly assembly)
    {
        var type = assembly.GetType(_typeName)
            ?? throw HandlerBindingException.TypeNotFound(_typeName, assembly.GetExportedTypes().Select(t => t.FullName ?? t.Name));
        var method = FindMethod(type, _method);
        if (!method.IsStatic && type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw HandlerBindingException.NoConstructor(type);
        }
        return (type, new MethodInvoker(method), method.IsStatic);
    }

    private sealed class Unloader(AssemblyLoadContext context) : IDisposable
    {
        public void Dispose() => context.Unload();
    }
}
