using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading.Compilation.Safety;

/// <summary>
/// Decides whether a path expression is provably under /tmp: a constant, an interpolated string or a
/// concatenation starting with "/tmp/", Path.Combine/Path.Join over such a start, Path.GetTempPath(), or a
/// local/field initialized with one of these. Paths containing a ".." segment never qualify.
/// </summary>
internal static class TmpPath
{
    private const int MaxDepth = 8;

    public static bool IsUnderTmp(ExpressionSyntax expression, SemanticModel model, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        var constant = model.GetConstantValue(expression);
        if (constant.HasValue)
        {
            return constant.Value is string text && IsTmpText(text) && !HasParentSegment(text);
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return IsUnderTmp(parenthesized.Expression, model, depth + 1);
            case InterpolatedStringExpressionSyntax interpolated:
                if (interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Any(t => HasParentSegment(t.TextToken.ValueText)))
                {
                    return false;
                }

                return interpolated.Contents.FirstOrDefault() switch
                {
                    InterpolatedStringTextSyntax text => IsTmpText(text.TextToken.ValueText),
                    InterpolationSyntax hole => IsUnderTmp(hole.Expression, model, depth + 1),
                    _ => false,
                };
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var right = model.GetConstantValue(binary.Right);
                return IsUnderTmp(binary.Left, model, depth + 1) && !(right.HasValue && right.Value is string r && HasParentSegment(r));
            case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method
                                                            && method.ContainingType?.ToDisplayString() == "System.IO.Path":
                if (method.Name is "GetTempPath" or "GetTempFileName")
                {
                    return true;
                }

                if (method.Name is "Combine" or "Join" && invocation.ArgumentList.Arguments.Count > 0)
                {
                    var rest = invocation.ArgumentList.Arguments.Skip(1).Select(a => model.GetConstantValue(a.Expression));
                    return IsUnderTmp(invocation.ArgumentList.Arguments[0].Expression, model, depth + 1)
                           && !rest.Any(c => c.HasValue && c.Value is string s && (s.StartsWith('/') || HasParentSegment(s)));
                }

                return false;
            case IdentifierNameSyntax identifier:
                var symbol = model.GetSymbolInfo(identifier).Symbol;
                if (symbol is ILocalSymbol or IFieldSymbol)
                {
                    foreach (var reference in symbol.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                            && reference.SyntaxTree == identifier.SyntaxTree)
                        {
                            return IsUnderTmp(value, model, depth + 1);
                        }
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsTmpText(string text) => text == "/tmp" || text.StartsWith("/tmp/", StringComparison.Ordinal);

    private static bool HasParentSegment(string text) => text.Split('/', '\\').Any(segment => segment == "..");
}
