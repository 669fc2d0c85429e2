namespace Course.Lessons.Notebooks;

/// <summary>The two files generated from one lesson.</summary>
/// <param name="LessonId">The lesson id (<c>NN-slug</c>): the files are <c>notebooks/NN-slug.ipynb</c> and <c>.cs</c>.</param>
/// <param name="Cells">The notebook cells, in order.</param>
/// <param name="Ipynb">The Jupyter notebook (nbformat 4.5) JSON.</param>
/// <param name="Script">The .NET file-based app.</param>
public sealed record NotebookFiles(string LessonId, IReadOnlyList<NotebookCell> Cells, string Ipynb, string Script);
