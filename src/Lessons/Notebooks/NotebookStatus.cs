namespace Course.Lessons.Notebooks;

/// <summary>The state of one generated file.</summary>
/// <param name="Path">The file, relative to the repository root, with '/' separators (e.g. <c>notebooks/01-x.ipynb</c>).</param>
/// <param name="State">How it compares with a fresh generation.</param>
public sealed record NotebookStatus(string Path, NotebookState State);
