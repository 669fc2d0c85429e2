using System.Diagnostics;
using System.Security.Cryptography;
using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Isolation;
using Course.Grading.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading;

public sealed partial class Grader
{
    private static Dictionary<string, string> FindCheckMethods(CompileResult checks)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in checks.Compilation.SyntaxTrees)
        {
            var model = checks.Compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(method) is not { } symbol)
                {
                    continue;
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() == typeof(CheckAttribute).FullName
                        && attribute.ConstructorArguments is [{ Value: string id }])
                    {
                        result[id] = Dedent(method.ToString());
                    }
                }
            }
        }

        return result;
    }

    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select((l, i) => i == 0 || l.Length < indent ? l.TrimStart() : l[indent..])).Trim();
    }
}
