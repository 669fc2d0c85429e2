using System.Reflection;
using Course.Lambda.Core;

namespace Course.Sandbox.Hosting;

/// <summary>
/// Where a function's code comes from. The engine asks it for one <see cref="IHandlerInstance"/> per execution
/// environment: that is the INIT phase (the handler class is constructed, static initialisers run).
/// </summary>
public abstract class HandlerFactory
{
    /// <summary>A short description for traces and errors, e.g. <c>Function::FunctionHandler</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Creates the handler for a new execution environment (runs the INIT phase's code).</summary>
    public abstract IHandlerInstance CreateInstance();

    /// <summary>
    /// A handler method on a type already loaded in this process (tests, lessons). Statics are shared by every
    /// environment of the process — use <see cref="FromAssembly"/> for per-environment statics as on AWS.
    /// </summary>
    /// <exception cref="HandlerBindingException">The method does not exist or has a shape Lambda cannot call.</exception>
    public static HandlerFactory FromType(Type type, string method = "FunctionHandler") => new TypeHandlerFactory(type, method);

    /// <summary>
    /// A handler compiled to an assembly image. Each environment loads the image into its own collectible
    /// <see cref="System.Runtime.Loader.AssemblyLoadContext"/>, so statics are per environment, as on AWS.
    /// </summary>
    /// <exception cref="HandlerBindingException">The type or method does not exist or has a shape Lambda cannot call.</exception>
    public static HandlerFactory FromAssembly(byte[] image, byte[]? symbols, string typeName, string method = "FunctionHandler") =>
        new AssemblyHandlerFactory(image, symbols, typeName, method);

    /// <summary>A handler given as a delegate over typed event and response (serialised with the default Lambda JSON serializer).</summary>
    public static HandlerFactory FromDelegate<TEvent, TResponse>(Func<TEvent, ILambdaContext, TResponse> handler) =>
        new DelegateHandlerFactory(handler.Method.Name, () => handler);

    /// <summary>An asynchronous handler given as a delegate.</summary>
    public static HandlerFactory FromDelegate<TEvent, TResponse>(Func<TEvent, ILambdaContext, Task<TResponse>> handler) =>
        new DelegateHandlerFactory(handler.Method.Name, () => handler);

    /// <summary>
    /// A handler with an INIT phase: <paramref name="init"/> runs once per environment and its result is passed to
    /// every invocation in that environment (so a lesson can show state surviving warm invocations).
    /// </summary>
    public static HandlerFactory FromDelegate<TState, TEvent, TResponse>(Func<TState> init, Func<TState, TEvent, ILambdaContext, TResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(init);
        ArgumentNullException.ThrowIfNull(handler);
        return new DelegateHandlerFactory(handler.Method.Name, () =>
        {
            var state = init();
            return new Func<TEvent, ILambdaContext, TResponse>((e, c) => handler(state, e, c));
        });
    }

    internal static MethodInfo FindMethod(Type type, string method)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == method).ToArray();
        return candidates.Length switch
        {
            0 => throw HandlerBindingException.MethodNotFound(type, method),
            1 => candidates[0],
            _ => throw HandlerBindingException.Ambiguous(type, method),
        };
    }
}
