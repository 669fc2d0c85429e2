using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading.Compilation.Safety;

/// <summary>
/// Walks a learner compilation's semantic model and reports the APIs a Lambda handler may not use in the
/// sandbox: process start, raw sockets/HTTP, process exit, file access outside /tmp, dynamic code
/// loading, unsafe code, native interop and the simulator's own types (its service clients are allowed). The AWS SDK clients are allowed; threads are allowed.
/// </summary>
internal static class SafetyAnalyzer
{
    /// <summary>The id of the unsafe-code rule (it replaces the compiler's CS0227).</summary>
    public const string UnsafeCodeId = "SBX006";

    private static readonly HashSet<string> ProcessTypes = new(StringComparer.Ordinal)
    {
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo",
    };

    private static readonly HashSet<string> NetworkTypes = new(StringComparer.Ordinal)
    {
        "System.Net.Http.HttpClient", "System.Net.Http.HttpClientHandler", "System.Net.Http.SocketsHttpHandler",
        "System.Net.Http.HttpMessageInvoker", "System.Net.WebClient", "System.Net.WebRequest", "System.Net.HttpWebRequest",
        "System.Net.FtpWebRequest", "System.Net.FileWebRequest", "System.Net.HttpListener", "System.Net.Dns",
    };

    private static readonly string[] NetworkNamespaces =
    {
        "System.Net.Sockets", "System.Net.WebSockets", "System.Net.NetworkInformation", "System.Net.Quic", "System.Net.Mail",
    };

    private static readonly HashSet<string> FileTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.FileSystemWatcher",
        "System.IO.MemoryMappedFiles.MemoryMappedFile",
    };

    private static readonly HashSet<string> ReflectionLoadMembers = new(StringComparer.Ordinal)
    {
        "System.Reflection.Assembly.Load", "System.Reflection.Assembly.LoadFrom", "System.Reflection.Assembly.LoadFile",
        "System.Reflection.Assembly.UnsafeLoadFrom", "System.Reflection.Assembly.LoadWithPartialName",
        "System.Reflection.MethodBase.Invoke", "System.Reflection.MethodInfo.Invoke", "System.Reflection.ConstructorInfo.Invoke",
        "System.Type.InvokeMember", "System.Type.GetType", "System.Activator.CreateInstanceFrom",
        "System.Reflection.MethodInfo.CreateDelegate", "System.Delegate.CreateDelegate",
    };

    private static readonly string[] ReflectionNamespaces = { "System.Reflection.Emit", "System.Runtime.Loader" };

    private static readonly HashSet<string> NativeTypes = new(StringComparer.Ordinal)
    {
        "System.Runtime.InteropServices.Marshal", "System.Runtime.InteropServices.NativeLibrary",
        "System.Runtime.InteropServices.NativeMemory", "System.Runtime.InteropServices.DllImportAttribute",
        "System.Runtime.InteropServices.LibraryImportAttribute",
    };

    /// <summary>Analyzes the given trees of a compilation.</summary>
    /// <param name="compilation">The compilation the trees belong to.</param>
    /// <param name="trees">The learner's trees (not generated ones).</param>
    /// <returns>One diagnostic per offending line and rule, in source order.</returns>
    public static IReadOnlyList<Diagnostic> Analyze(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees)
    {
        var results = new List<Diagnostic>();
        var seen = new HashSet<(string, int, string)>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var walker = new Walker(model, (rule, location, subject) =>
            {
                var line = location.GetLineSpan().StartLinePosition.Line;
                if (seen.Add((tree.FilePath, line, rule.Id)))
                {
                    results.Add(Diagnostic.Create(rule.Descriptor, location, subject, rule.Why, rule.Fix));
                }
            });
            walker.Visit(tree.GetRoot());
        }

        return results;
    }

    private static string FullName(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "", StringComparison.Ordinal);

    private static string NamespaceOf(INamedTypeSymbol type) => type.ContainingNamespace?.ToDisplayString() ?? "";

    private static bool InNamespace(INamedTypeSymbol type, string[] namespaces)
    {
        var ns = NamespaceOf(type);
        return namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
    }

    private static string Subject(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => type.Name,
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => $"new {ctor.ContainingType.Name}(...)",
        _ when symbol.ContainingType is not null => $"{symbol.ContainingType.Name}.{symbol.Name}",
        _ => symbol.Name,
    };

    private sealed class Walker : CSharpSyntaxWalker
    {
        private readonly SemanticModel _model;
        private readonly Action<SafetyRule, Location, string> _report;

        public Walker(SemanticModel model, Action<SafetyRule, Location, string> report)
        {
            _model = model;
            _report = report;
        }

        public override void VisitUsingDirective(UsingDirectiveSyntax node)
        {
            // A using directive alone does nothing; uses of the imported names are checked where they appear.
        }

        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
            CheckName(node);
            base.VisitIdentifierName(node);
        }

        public override void VisitGenericName(GenericNameSyntax node)
        {
            CheckName(node);
            base.VisitGenericName(node);
        }

        public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
        {
            CheckCreation(node, node.ArgumentList);
            base.VisitObjectCreationExpression(node);
        }

        public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
        {
            CheckCreation(node, node.ArgumentList);
            base.VisitImplicitObjectCreationExpression(node);
        }

        public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
        {
            _report(SafetyRule.Unsafe, node.UnsafeKeyword.GetLocation(), "An unsafe block");
            base.VisitUnsafeStatement(node);
        }

        public override void VisitFixedStatement(FixedStatementSyntax node)
        {
            _report(SafetyRule.Unsafe, node.FixedKeyword.GetLocation(), "A fixed statement");
            base.VisitFixedStatement(node);
        }

        public override void VisitPointerType(PointerTypeSyntax node)
        {
            _report(SafetyRule.Unsafe, node.GetLocation(), "A pointer type");
            base.VisitPointerType(node);
        }

        public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
        {
            _report(SafetyRule.Native, node.GetLocation(), "A function pointer");
            base.VisitFunctionPointerType(node);
        }

        public override void DefaultVisit(SyntaxNode node)
        {
            if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                var modifiers = node switch
                {
                    MemberDeclarationSyntax member => member.Modifiers,
                    LocalFunctionStatementSyntax local => local.Modifiers,
                    _ => default,
                };
                foreach (var modifier in modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
                    {
                        _report(SafetyRule.Unsafe, modifier.GetLocation(), "The unsafe modifier");
                    }
                    else if (modifier.IsKind(SyntaxKind.ExternKeyword))
                    {
                        _report(SafetyRule.Native, modifier.GetLocation(), "An extern method (P/Invoke)");
                    }
                }
            }

            base.DefaultVisit(node);
        }

        private void CheckCreation(ExpressionSyntax creation, ArgumentListSyntax? arguments)
        {
            if (_model.GetSymbolInfo(creation).Symbol is not IMethodSymbol ctor)
            {
                return;
            }

            var type = ctor.ContainingType;
            if (FileTypes.Contains(FullName(type)))
            {
                CheckPaths(ctor, arguments, creation.GetLocation(), Subject(ctor));
                return;
            }

            var rule = Classify(ctor);
            if (rule is not null)
            {
                _report(rule, creation.GetLocation(), Subject(ctor));
            }
        }

        private void CheckName(SimpleNameSyntax node)
        {
            if (IsLeftOfDot(node) || IsCreatedType(node) || node.Parent is NameColonSyntax or NameEqualsSyntax)
            {
                return;
            }

            var info = _model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null or INamespaceSymbol)
            {
                return;
            }

            var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
            if (type is null)
            {
                return;
            }

            if (FileTypes.Contains(FullName(type)))
            {
                if (symbol is IMethodSymbol method && FindArguments(node) is { } args)
                {
                    CheckPaths(method, args, node.GetLocation(), Subject(symbol));
                }

                return;
            }

            var rule = Classify(symbol);
            if (rule is not null)
            {
                _report(rule, node.GetLocation(), Subject(symbol));
            }
        }

        private static SafetyRule? Classify(ISymbol symbol)
        {
            var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
            if (type is null)
            {
                return null;
            }

            var typeName = FullName(type.OriginalDefinition);
            if (ProcessTypes.Contains(typeName))
            {
                return SafetyRule.Process;
            }

            if (NetworkTypes.Contains(typeName) || InNamespace(type, NetworkNamespaces))
            {
                return SafetyRule.Network;
            }

            if (typeName == "System.Environment" && symbol.Name is "Exit" or "FailFast")
            {
                return SafetyRule.Exit;
            }

            if (InNamespace(type, ReflectionNamespaces) || (symbol is not INamedTypeSymbol && ReflectionLoadMembers.Contains($"{typeName}.{symbol.Name}")))
            {
                return SafetyRule.Reflection;
            }

            if (typeName == "System.Activator" && symbol is IMethodSymbol { Name: "CreateInstance" } create
                && create.Parameters.FirstOrDefault()?.Type.SpecialType == SpecialType.System_String)
            {
                return SafetyRule.Reflection;
            }

            if (NativeTypes.Contains(typeName))
            {
                return SafetyRule.Native;
            }

            var ns = NamespaceOf(type);
            if ((ns == "Course.Sandbox" || ns.StartsWith("Course.Sandbox.", StringComparison.Ordinal))
                && !ns.StartsWith("Course.Sandbox.Clients.", StringComparison.Ordinal))
            {
                return SafetyRule.Engine;
            }

            if (typeName == "System.Runtime.CompilerServices.Unsafe")
            {
                return SafetyRule.Unsafe;
            }

            return null;
        }

        private void CheckPaths(IMethodSymbol method, ArgumentListSyntax? arguments, Location location, string subject)
        {
            if (arguments is null)
            {
                return;
            }

            for (var i = 0; i < arguments.Arguments.Count; i++)
            {
                var argument = arguments.Arguments[i];
                var parameter = argument.NameColon is { } name
                    ? method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)
                    : i < method.Parameters.Length ? method.Parameters[i] : null;
                if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String || !IsPathParameter(parameter.Name))
                {
                    continue;
                }

                if (!TmpPath.IsUnderTmp(argument.Expression, _model, 0))
                {
                    var constant = _model.GetConstantValue(argument.Expression);
                    var shown = constant.HasValue && constant.Value is string path ? $"{subject} on \"{path}\"" : subject;
                    _report(SafetyRule.FileAccess, argument.GetLocation(), shown);
                    return;
                }
            }
        }

        private static bool IsPathParameter(string name) =>
            name.Contains("path", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("FileName", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("DirName", StringComparison.OrdinalIgnoreCase);

        private static ArgumentListSyntax? FindArguments(SimpleNameSyntax node)
        {
            SyntaxNode current = node;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Name == current)
            {
                current = access;
            }

            return current.Parent is InvocationExpressionSyntax invocation && invocation.Expression == current ? invocation.ArgumentList : null;
        }

        private static bool IsLeftOfDot(SyntaxNode node)
        {
            var current = node;
            while (true)
            {
                switch (current.Parent)
                {
                    case MemberAccessExpressionSyntax access:
                        if (access.Expression == current)
                        {
                            return true;
                        }
                        current = access;
                        break;
                    case QualifiedNameSyntax qualified:
                        if (qualified.Left == current)
                        {
                            return true;
                        }
                        current = qualified;
                        break;
                    case AliasQualifiedNameSyntax alias:
                        if (alias.Alias == current)
                        {
                            return true;
                        }
                        current = alias;
                        break;
                    default:
                        return false;
                }
            }
        }

        private static bool IsCreatedType(SyntaxNode node)
        {
            var current = node;
            while (current.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
            {
                current = current.Parent;
            }

            return current.Parent is ObjectCreationExpressionSyntax creation && creation.Type == current;
        }
    }
}
