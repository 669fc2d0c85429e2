using System.Reflection;
using System.Text;
using Course.Lambda.Core;
using Course.Lambda.Serialization.SystemTextJson;

namespace Course.Sandbox.Hosting;

/// <summary>
/// Calls one handler method the way Lambda's .NET runtime does: binds the payload to the first parameter
/// (through the configured <see cref="ILambdaSerializer"/>, or raw for <see cref="Stream"/>), passes the context,
/// hands back the handler's task (which the engine runs on the virtual clock), and serialises the result.
/// </summary>
internal sealed class MethodInvoker
{
    private static readonly MethodInfo DeserializeMethod = typeof(ILambdaSerializer).GetMethod(nameof(ILambdaSerializer.Deserialize))!;
    private static readonly MethodInfo SerializeMethod = typeof(ILambdaSerializer).GetMethod(nameof(ILambdaSerializer.Serialize))!;

    private readonly MethodInfo _method;
    private readonly System.Reflection.MethodInvoker _call;
    private readonly Type? _eventType;
    private readonly bool _takesContext;
    private readonly Type? _resultType;   // null for void / Task
    private readonly bool _isTask;
    private readonly System.Reflection.MethodInvoker? _taskResult;
    private readonly ILambdaSerializer _serializer;
    private readonly System.Reflection.MethodInvoker? _deserialize;
    private readonly System.Reflection.MethodInvoker? _serialize;

    public MethodInvoker(MethodInfo method)
    {
        _method = method;
        var parameters = method.GetParameters();
        if (parameters.Length > 2)
        {
            throw HandlerBindingException.BadSignature(method.Name, "it has more than two parameters");
        }
        if (parameters.Length == 2 && parameters[1].ParameterType != typeof(ILambdaContext))
        {
            throw HandlerBindingException.BadSignature(method.Name, "its second parameter must be ILambdaContext");
        }
        if (parameters.Length >= 1)
        {
            if (parameters[0].ParameterType == typeof(ILambdaContext) && parameters.Length == 1)
            {
                _takesContext = true;
            }
            else
            {
                _eventType = parameters[0].ParameterType;
            }
        }
        if (parameters.Length == 2)
        {
            _takesContext = true;
        }
        if (method.ContainsGenericParameters)
        {
            throw HandlerBindingException.BadSignature(method.Name, "it is generic");
        }

        var ret = method.ReturnType;
        if (ret == typeof(void))
        {
            _resultType = null;
        }
        else if (ret == typeof(Task))
        {
            _isTask = true;
        }
        else if (ret.IsGenericType && ret.GetGenericTypeDefinition() == typeof(Task<>))
        {
            _isTask = true;
            _resultType = ret.GetGenericArguments()[0];
            _taskResult = System.Reflection.MethodInvoker.Create(ret.GetProperty(nameof(Task<int>.Result))!.GetMethod!);
        }
        else if (ret == typeof(ValueTask) || (ret.IsGenericType && ret.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            throw HandlerBindingException.BadSignature(method.Name, "ValueTask is not supported by Lambda's .NET runtime; return Task or Task<T>");
        }
        else if (ret.Name == "Void")
        {
            _resultType = null;
        }
        else
        {
            _resultType = ret;
        }

        _serializer = ResolveSerializer(method);
        if (_eventType is not null && _eventType != typeof(Stream))
        {
            _deserialize = System.Reflection.MethodInvoker.Create(DeserializeMethod.MakeGenericMethod(_eventType));
        }
        if (_resultType is not null && !typeof(Stream).IsAssignableFrom(_resultType))
        {
            _serialize = System.Reflection.MethodInvoker.Create(SerializeMethod.MakeGenericMethod(_resultType));
        }
        _call = System.Reflection.MethodInvoker.Create(method);
    }

    public string Description => $"{_method.DeclaringType?.FullName}::{_method.Name}";

    /// <summary>True when the method returns a task.</summary>
    public bool IsAsynchronous => _isTask;

    public ValueTask<string?> InvokeAsync(object? target, string payload, ILambdaContext context)
    {
        // MethodInvoker (unlike MethodBase.Invoke) needs no argument array and never wraps the handler's exceptions.
        var result = (_eventType, _takesContext) switch
        {
            (null, false) => _call.Invoke(target),
            (null, true) => _call.Invoke(target, context),
            (_, false) => _call.Invoke(target, BindEvent(payload)),
            _ => _call.Invoke(target, BindEvent(payload), context),
        };
        if (_isTask)
        {
            var task = (Task)result!;
            if (!task.IsCompleted)
            {
                return new ValueTask<string?>(Await(task));
            }
            task.GetAwaiter().GetResult();
            result = _taskResult?.Invoke(task);
        }
        if (_resultType is null)
        {
            return default;
        }
        return new ValueTask<string?>(WriteResult(result));
    }

    // The handler's task completes on the simulation's thread, inside the handler's own context (its last continuation
    // ran in a queue event). An await here would be sent to the thread pool (the runtime never inlines a
    // ConfigureAwait(false) continuation under a custom context), so the rest runs as a synchronous continuation.
    private Task<string?> Await(Task task) =>
        task.ContinueWith(static (t, state) =>
        {
            t.GetAwaiter().GetResult();
            var self = (MethodInvoker)state!;
            return self._resultType is null ? null : self.WriteResult(self._taskResult?.Invoke(t));
        }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private object? BindEvent(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        if (_eventType == typeof(Stream))
        {
            return new MemoryStream(bytes, writable: false);
        }
        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            return _deserialize!.Invoke(_serializer, stream);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new LambdaSerializationException($"Error converting the Lambda event JSON payload to type {_eventType!.FullName}: {e.Message}", e);
        }
    }

    private string? WriteResult(object? result)
    {
        if (result is Stream s)
        {
            using (s)
            {
                if (s is MemoryStream ms && ms.TryGetBuffer(out var buffer))
                {
                    return Encoding.UTF8.GetString(buffer.AsSpan((int)ms.Position));
                }
                if (s.CanSeek && s.Length - s.Position == 0)
                {
                    return "";
                }
                using var reader = new StreamReader(s, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 256);
                return reader.ReadToEnd();
            }
        }
        using var stream = new MemoryStream();
        _serialize!.Invoke(_serializer, result, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static ILambdaSerializer ResolveSerializer(MethodInfo method)
    {
        var attribute = method.GetCustomAttribute<LambdaSerializerAttribute>()
            ?? method.DeclaringType?.Assembly.GetCustomAttribute<LambdaSerializerAttribute>();
        if (attribute is null)
        {
            return SharedDefault;
        }
        if (!typeof(ILambdaSerializer).IsAssignableFrom(attribute.SerializerType) || attribute.SerializerType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw HandlerBindingException.BadSignature(method.Name, $"serializer {attribute.SerializerType.Name} must implement ILambdaSerializer and have a public parameterless constructor");
        }
        return (ILambdaSerializer)Activator.CreateInstance(attribute.SerializerType)!;
    }

    private static readonly DefaultLambdaJsonSerializer SharedDefault = new();
}
