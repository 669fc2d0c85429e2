namespace Course.Cli.Workshop;

/// <summary>One student's submission, made available as a folder holding their copy of the course.</summary>
/// <param name="Student">The student's name: the entry's name without its extension (<c>ada.zip</c> → <c>ada</c>).</param>
/// <param name="Root">The folder holding the student's <c>exercises/</c> (null when the entry could not be opened).</param>
/// <param name="Problem">Why the entry could not be opened (a bad zip, a git repository that does not clone), or null.</param>
internal sealed record Submission(string Student, string? Root, string? Problem);
