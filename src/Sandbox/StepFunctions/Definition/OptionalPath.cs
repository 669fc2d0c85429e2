namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// An InputPath, ResultPath or OutputPath field: a path, or JSON <c>null</c> (<see cref="Path"/> is then
/// <see langword="null"/>: InputPath/OutputPath give <c>{}</c>, ResultPath discards the result). Absent means <c>$</c>.
/// </summary>
public sealed record OptionalPath(string? Path)
{
    /// <summary>The default: <c>$</c>.</summary>
    public static OptionalPath Root { get; } = new("$");

    /// <summary>True when the field was JSON null.</summary>
    public bool IsNull => Path is null;
}
