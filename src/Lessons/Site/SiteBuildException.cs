namespace Course.Lessons.Site;

/// <summary>The site cannot be built for a reason the user can fix (e.g. the output folder is not ours).</summary>
public sealed class SiteBuildException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public SiteBuildException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="inner">The cause.</param>
    public SiteBuildException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SiteBuildException()
        : base("The site could not be built.")
    {
    }
}
