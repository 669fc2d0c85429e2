namespace Course.Lessons.Site;

/// <summary>An exercise that has a README, and so a page.</summary>
/// <param name="Id">The exercise folder name.</param>
/// <param name="Directory">The exercise folder.</param>
/// <param name="ReadmePath">Its README.md.</param>
internal sealed record ExercisePage(string Id, string Directory, string ReadmePath);
