namespace Course.Lessons.Notebooks;

/// <summary>How a generated file compares with what its lesson would generate now.</summary>
public enum NotebookState
{
    /// <summary>Byte-identical to a fresh generation.</summary>
    UpToDate,

    /// <summary>Present but different: the lesson (or the generator) changed since it was written.</summary>
    Stale,

    /// <summary>Not written yet.</summary>
    Missing,

    /// <summary>A generated-looking file with no lesson behind it.</summary>
    Orphan,
}
