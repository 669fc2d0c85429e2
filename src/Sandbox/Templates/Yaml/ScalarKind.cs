namespace Course.Sandbox.Templates.Yaml;

/// <summary>What a scalar holds, as YAML's core schema resolves a plain scalar (quoted scalars are strings).</summary>
public enum ScalarKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>An integer (<c>128</c>).</summary>
    Integer,

    /// <summary>A floating-point number (<c>0.5</c>).</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>, <c>~</c> or nothing.</summary>
    Null,
}
