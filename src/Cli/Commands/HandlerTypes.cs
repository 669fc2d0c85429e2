using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Course.Cli.Commands;

/// <summary>Finds handler candidates in a compiled image by reading its metadata (without loading it).</summary>
internal static class HandlerTypes
{
    /// <summary>Full names of public classes that declare a public method named <paramref name="method"/>.</summary>
    public static IReadOnlyList<string> Find(byte[] image, string method)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false));
        var md = pe.GetMetadataReader();
        var found = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var visibility = type.Attributes & System.Reflection.TypeAttributes.VisibilityMask;
            if (visibility != System.Reflection.TypeAttributes.Public)
            {
                continue;
            }
            var hasMethod = type.GetMethods().Select(md.GetMethodDefinition)
                .Any(m => md.GetString(m.Name) == method && (m.Attributes & System.Reflection.MethodAttributes.MemberAccessMask) == System.Reflection.MethodAttributes.Public);
            if (!hasMethod)
            {
                continue;
            }
            var ns = md.GetString(type.Namespace);
            found.Add(ns.Length == 0 ? md.GetString(type.Name) : $"{ns}.{md.GetString(type.Name)}");
        }
        return found;
    }
}
