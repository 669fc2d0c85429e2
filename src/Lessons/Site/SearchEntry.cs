namespace Course.Lessons.Site;

/// <summary>One searchable section of the site.</summary>
/// <param name="Page">The page title.</param>
/// <param name="Section">The section heading, or empty for the page's start.</param>
/// <param name="Url">The link, relative to the site root, with an anchor for sections.</param>
/// <param name="Text">The section's plain text.</param>
internal sealed record SearchEntry(string Page, string Section, string Url, string Text);
