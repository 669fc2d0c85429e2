namespace Course.Grading.Exercises.Model;

/// <summary>An exercise folder is malformed; the message says where (file:line:col), what is wrong and how to fix it.</summary>
public sealed class ExerciseFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message, starting with <c>file:line:col: error:</c>.</param>
    public ExerciseFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="inner">The cause.</param>
    public ExerciseFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ExerciseFormatException() : base("The exercise folder is malformed.")
    {
    }
}
