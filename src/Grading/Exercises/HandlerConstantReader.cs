using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Course.Grading.Exercises;

/// <summary>
/// Reads the public constants (<c>public const</c> fields) a handler class declares, from the compiled assembly's
/// metadata: no learner code runs and nothing is loaded. Exercises whose configuration the learner chooses
/// (11-cold-start-tuning: memory, provisioned concurrency, SnapStart) read it this way.
/// </summary>
internal static class HandlerConstantReader
{
    /// <summary>The public constants of <paramref name="typeName"/> in <paramref name="image"/>, by field name.</summary>
    /// <param name="image">The compiled learner assembly.</param>
    /// <param name="typeName">The handler class, with its namespace (nested types as <c>Outer+Inner</c>).</param>
    /// <returns>Values as <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>…; empty when the type is not found.</returns>
    public static IReadOnlyDictionary<string, object?> Read(byte[] image, string typeName)
    {
        ArgumentNullException.ThrowIfNull(image);
        var constants = new Dictionary<string, object?>(StringComparer.Ordinal);
        using var pe = new PEReader(ImmutableArray.Create(image));
        var md = pe.GetMetadataReader();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (FullName(md, type) != typeName)
            {
                continue;
            }
            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                if ((field.Attributes & FieldAttributes.Literal) == 0 || (field.Attributes & FieldAttributes.FieldAccessMask) != FieldAttributes.Public)
                {
                    continue;
                }
                var constant = md.GetConstant(field.GetDefaultValue());
                var blob = md.GetBlobReader(constant.Value);
                constants[md.GetString(field.Name)] = constant.TypeCode switch
                {
                    ConstantTypeCode.Boolean => blob.ReadBoolean(),
                    ConstantTypeCode.Int32 => blob.ReadInt32(),
                    ConstantTypeCode.Int64 => blob.ReadInt64(),
                    ConstantTypeCode.Double => blob.ReadDouble(),
                    ConstantTypeCode.Single => (double)blob.ReadSingle(),
                    ConstantTypeCode.String => blob.ReadUTF16(blob.Length),
                    ConstantTypeCode.NullReference => null,
                    _ => constant.TypeCode.ToString(),
                };
            }
        }

        return constants;
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } outer)
        {
            return FullName(md, md.GetTypeDefinition(outer)) + "+" + name;
        }
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
