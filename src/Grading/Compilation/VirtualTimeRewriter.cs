using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading.Compilation;

/// <summary>
/// Rewrites a learner's handler, after it compiled cleanly, so that its time is the simulation's (TIME_01, TIME_02)
/// and its environment is the execution environment's:
/// <list type="bullet">
/// <item><c>Thread.Sleep</c>, <c>Task.Delay</c>, <c>Task.Run</c>, <c>DateTime.Now/UtcNow/Today</c>,
/// <c>DateTimeOffset.Now/UtcNow</c>, <c>Environment.TickCount(64)</c>, <c>TimeProvider.System</c> →
/// <c>Course.Sandbox.Hosting.Runtime.SandboxClock</c>; the type <c>Stopwatch</c> → <c>SandboxStopwatch</c>;</item>
/// <item><c>task.Wait()</c>, <c>task.Result</c>, <c>task.GetAwaiter().GetResult()</c> → <c>SandboxClock.Wait/Result</c>
/// (blocking on a task runs the simulation until it completes, instead of waiting for a clock that cannot move);</item>
/// <item><c>.ConfigureAwait(false)</c> → <c>.ConfigureAwait(true)</c>, so every continuation stays on the virtual clock;</item>
/// <item><c>Environment.Get/SetEnvironmentVariable(s)</c> → <c>SandboxEnvironment</c> (the environment's variables);</item>
/// <item>file paths given to <c>File</c>, <c>Directory</c>, <c>FileStream</c>, <c>StreamReader/Writer</c>, <c>FileInfo</c>
/// → <c>SandboxFiles.Map</c> (each environment's own /tmp), and the writing calls → <c>SandboxFiles</c> (its size limit).</item>
/// </list>
/// Each replacement keeps the node's trivia and stays on its line, so stack traces keep the learner's line numbers.
/// Decisions use the semantic model (a learner's own <c>Sleep</c> method is left alone).
/// </summary>
internal sealed class VirtualTimeRewriter : CSharpSyntaxRewriter
{
    private const string Clock = "global::Course.Sandbox.Hosting.Runtime.SandboxClock";
    private const string Env = "global::Course.Sandbox.Hosting.Runtime.SandboxEnvironment";
    private const string StopwatchType = "global::Course.Sandbox.Hosting.Runtime.SandboxStopwatch";
    private const string Files = "global::Course.Sandbox.Hosting.Runtime.SandboxFiles";

    private static readonly HashSet<string> PathParameters = new(StringComparer.Ordinal)
    {
        "path", "path1", "sourceFileName", "destFileName", "destinationFileName", "sourceDirName", "destDirName", "fileName",
        "destinationBackupFileName", "sourceDirectoryName", "destinationDirectoryName", "linkPath", "pathToTarget",
    };

    private static readonly HashSet<string> FileTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.StreamReader", "System.IO.StreamWriter",
    };

    // File methods SandboxFiles replaces whole (they count against /tmp's size), by name and parameter count.
    private static readonly HashSet<string> QuotaMethods = new(StringComparer.Ordinal)
    {
        "WriteAllText/2", "WriteAllText/3", "AppendAllText/2", "AppendAllText/3", "WriteAllBytes/2", "WriteAllLines/2",
        "AppendAllLines/2", "Copy/2", "Copy/3", "Create/1", "OpenWrite/1", "Open/2", "Open/3", "Open/4",
    };

    private static readonly HashSet<string> ListingMethods = new(StringComparer.Ordinal)
    {
        "GetFiles", "GetDirectories", "GetFileSystemEntries", "EnumerateFiles", "EnumerateDirectories", "EnumerateFileSystemEntries",
    };

    private static readonly Dictionary<string, string> StaticMembers = new(StringComparer.Ordinal)
    {
        ["System.DateTime.Now"] = Clock + ".Now",
        ["System.DateTime.UtcNow"] = Clock + ".UtcNow",
        ["System.DateTime.Today"] = Clock + ".Today",
        ["System.DateTimeOffset.Now"] = Clock + ".OffsetNow",
        ["System.DateTimeOffset.UtcNow"] = Clock + ".OffsetUtcNow",
        ["System.Environment.TickCount"] = Clock + ".TickCount",
        ["System.Environment.TickCount64"] = Clock + ".TickCount64",
        ["System.TimeProvider.System"] = Clock + ".Time",
    };

    private static readonly Dictionary<string, string> StaticMethods = new(StringComparer.Ordinal)
    {
        ["System.Threading.Thread.Sleep"] = Clock + ".Sleep",
        ["System.Threading.Tasks.Task.Run"] = Clock + ".Run",
        ["System.Environment.GetEnvironmentVariable"] = Env + ".GetEnvironmentVariable",
        ["System.Environment.SetEnvironmentVariable"] = Env + ".SetEnvironmentVariable",
        ["System.Environment.GetEnvironmentVariables"] = Env + ".GetEnvironmentVariables",
    };

    private readonly SemanticModel _model;

    private VirtualTimeRewriter(SemanticModel model) => _model = model;

    /// <summary>Rewrites every learner tree of <paramref name="compilation"/>; returns the new compilation (the same one when nothing changed).</summary>
    public static CSharpCompilation Rewrite(CSharpCompilation compilation, IEnumerable<SyntaxTree> learnerTrees)
    {
        var result = compilation;
        foreach (var tree in learnerTrees)
        {
            var rewriter = new VirtualTimeRewriter(compilation.GetSemanticModel(tree));
            var root = tree.GetRoot();
            var rewritten = rewriter.Visit(root);
            if (ReferenceEquals(rewritten, root))
            {
                continue;
            }
            result = result.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(rewritten, tree.Options));
        }
        return result;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var symbol = _model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        if (symbol is not null)
        {
            var name = Name(symbol);
            // task.GetAwaiter().GetResult() → SandboxClock.Result(task) / Wait(task)
            if (name is "System.Runtime.CompilerServices.TaskAwaiter.GetResult" or "System.Runtime.CompilerServices.TaskAwaiter<TResult>.GetResult"
                && node.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax getAwaiter }
                && getAwaiter.Expression is MemberAccessExpressionSyntax awaiterAccess
                && _model.GetSymbolInfo(getAwaiter).Symbol is IMethodSymbol { Name: "GetAwaiter" })
            {
                var task = (ExpressionSyntax)Visit(awaiterAccess.Expression)!;
                var method = symbol.ReturnsVoid ? "Wait" : "Result";
                return Call(Clock + "." + method, task).WithTriviaFrom(node);
            }
            if (name == "System.Threading.Tasks.Task.Wait" && symbol.Parameters.Length == 0
                && node.Expression is MemberAccessExpressionSyntax waitAccess)
            {
                return Call(Clock + ".Wait", (ExpressionSyntax)Visit(waitAccess.Expression)!).WithTriviaFrom(node);
            }
            if (name is "System.Threading.Tasks.Task.ConfigureAwait" or "System.Threading.Tasks.Task<TResult>.ConfigureAwait"
                    or "System.Threading.Tasks.ValueTask.ConfigureAwait" or "System.Threading.Tasks.ValueTask<TResult>.ConfigureAwait"
                && node.ArgumentList.Arguments.Count == 1
                && node.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
                return visited.WithArgumentList(visited.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(literal)))));
            }
            if (name == "System.Threading.Tasks.Task.Delay" && !symbol.Parameters.Any(p => p.Type.Name == "TimeProvider"))
            {
                var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
                return visited.WithExpression(Parse(Clock + ".Delay").WithTriviaFrom(node.Expression));
            }
            if (name == "System.IO.Path.GetTempPath")
            {
                return Parse(Files + ".GetTempPath()").WithTriviaFrom(node);
            }
            if (FileTypes.Contains(symbol.ContainingType.ToDisplayString()))
            {
                return RewriteFileCall(node, symbol);
            }
            if (symbol.IsStatic && StaticMethods.TryGetValue(name, out var replacement)
                && !(name.EndsWith(".Run", StringComparison.Ordinal) && !IsSupportedRun(symbol)))
            {
                var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
                var target = replacement;
                if (visited.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic })
                {
                    target += generic.TypeArgumentList.ToString();
                }
                return visited.WithExpression(Parse(target).WithTriviaFrom(node.Expression));
            }
        }
        return base.VisitInvocationExpression(node);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        if (_model.GetSymbolInfo(node).Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && FileTypes.Contains(constructor.ContainingType.ToDisplayString()) && node.ArgumentList is { } list)
        {
            var type = constructor.ContainingType.ToDisplayString();
            var arguments = MapPathArguments(list, constructor);
            var first = constructor.Parameters.FirstOrDefault();
            var stringPath = first is { Name: "path", Type.SpecialType: SpecialType.System_String };
            if (stringPath && type == "System.IO.FileStream" && constructor.Parameters.Length is >= 2 and <= 4
                && constructor.Parameters.Skip(1).All(p => p.Type.Name is "FileMode" or "FileAccess" or "FileShare"))
            {
                return Call(Files + ".Open", list.Arguments.Select(a => (ExpressionSyntax)Visit(a.Expression)!)).WithTriviaFrom(node);
            }
            if (stringPath && type == "System.IO.StreamWriter" && constructor.Parameters.Length <= 2
                && (constructor.Parameters.Length == 1 || constructor.Parameters[1].Type.SpecialType == SpecialType.System_Boolean))
            {
                return Call(Files + ".CreateWriter", list.Arguments.Select(a => (ExpressionSyntax)Visit(a.Expression)!)).WithTriviaFrom(node);
            }
            var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
            return visited.WithArgumentList(arguments);
        }
        return base.VisitObjectCreationExpression(node);
    }

    private SyntaxNode RewriteFileCall(InvocationExpressionSyntax node, IMethodSymbol symbol)
    {
        var type = symbol.ContainingType.ToDisplayString();
        var first = symbol.Parameters.FirstOrDefault();
        if (type == "System.IO.File" && symbol.IsStatic && QuotaMethods.Contains($"{symbol.Name}/{symbol.Parameters.Length}")
            && first is { Type.SpecialType: SpecialType.System_String } && symbol.Parameters.All(p => p.RefKind == RefKind.None)
            && (symbol.Name != "WriteAllLines" && symbol.Name != "AppendAllLines" || symbol.Parameters[1].Type.ToDisplayString() is "System.Collections.Generic.IEnumerable<string>" or "string[]")
            && (symbol.Name != "WriteAllText" && symbol.Name != "AppendAllText" || symbol.Parameters[1].Type.SpecialType == SpecialType.System_String))
        {
            return Call(Files + "." + symbol.Name, node.ArgumentList.Arguments.Select(a => (ExpressionSyntax)Visit(a.Expression)!)).WithTriviaFrom(node);
        }
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        var rewritten = visited.WithArgumentList(MapPathArguments(node.ArgumentList, symbol, visited.ArgumentList));
        if (type == "System.IO.Directory" && ListingMethods.Contains(symbol.Name))
        {
            return Call(Files + ".Unmap", [rewritten.WithoutTrivia()]).WithTriviaFrom(node);
        }
        return rewritten;
    }

    // Wraps each argument bound to a path parameter (path, sourceFileName, …) in SandboxFiles.Map(...).
    private ArgumentListSyntax MapPathArguments(ArgumentListSyntax original, IMethodSymbol method, ArgumentListSyntax? visited = null)
    {
        visited ??= (ArgumentListSyntax)Visit(original)!;
        var arguments = visited.Arguments;
        for (var i = 0; i < original.Arguments.Count; i++)
        {
            var argument = original.Arguments[i];
            var parameter = argument.NameColon is { } named
                ? method.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
                : i < method.Parameters.Length ? method.Parameters[i] : null;
            if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String || !PathParameters.Contains(parameter.Name))
            {
                continue;
            }
            var current = arguments[i];
            arguments = arguments.Replace(current, current.WithExpression(Call(Files + ".Map", [current.Expression]).WithTriviaFrom(current.Expression)));
        }
        return visited.WithArguments(arguments);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        var symbol = _model.GetSymbolInfo(node).Symbol;
        if (symbol is IPropertySymbol { IsStatic: true } property && StaticMembers.TryGetValue(Name(property), out var replacement))
        {
            return Parse(replacement).WithTriviaFrom(node);
        }
        if (symbol is IPropertySymbol { Name: "Result", IsStatic: false } result
            && result.ContainingType.OriginalDefinition.ToDisplayString() == "System.Threading.Tasks.Task<TResult>")
        {
            return Call(Clock + ".Result", (ExpressionSyntax)Visit(node.Expression)!).WithTriviaFrom(node);
        }
        return base.VisitMemberAccessExpression(node);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
    {
        if (IsStopwatch(node))
        {
            return SyntaxFactory.ParseTypeName(StopwatchType).WithTriviaFrom(node);
        }
        return base.VisitIdentifierName(node);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitQualifiedName(QualifiedNameSyntax node)
    {
        if (IsStopwatch(node))
        {
            return SyntaxFactory.ParseTypeName(StopwatchType).WithTriviaFrom(node);
        }
        return base.VisitQualifiedName(node);
    }

    private bool IsStopwatch(ExpressionSyntax node)
    {
        if (node.Parent is UsingDirectiveSyntax)
        {
            return false;
        }
        if (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node)
        {
            return false;
        }
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
        {
            return false;
        }
        return _model.GetSymbolInfo(node).Symbol is INamedTypeSymbol type && type.ToDisplayString() == "System.Diagnostics.Stopwatch";
    }

    // Task.Run overloads SandboxClock mirrors: a delegate and an optional CancellationToken.
    private static bool IsSupportedRun(IMethodSymbol symbol) =>
        symbol.Parameters.Length is 1 or 2 && (symbol.Parameters.Length == 1 || symbol.Parameters[1].Type.Name == "CancellationToken");

    private static string Name(ISymbol symbol) => symbol.ContainingType.OriginalDefinition.ToDisplayString() + "." + symbol.Name;

    private static ExpressionSyntax Parse(string text) => SyntaxFactory.ParseExpression(text);

    private static InvocationExpressionSyntax Call(string method, ExpressionSyntax argument) => Call(method, [argument]);

    private static InvocationExpressionSyntax Call(string method, IEnumerable<ExpressionSyntax> arguments) =>
        SyntaxFactory.InvocationExpression(Parse(method), SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
            arguments.Select(a => SyntaxFactory.Argument(a.WithoutTrivia())))));
}
