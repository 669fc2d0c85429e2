using System.Net;
using System.Text;
using Course.Lessons.Content;

namespace Course.Lessons.Site;

/// <summary>The HTML shell shared by every page: header with search and theme toggle, lesson sidebar, footer.</summary>
internal sealed class PageLayout(string courseTitle, IReadOnlyList<Lesson> lessons, bool instructor)
{
    /// <summary>Wraps <paramref name="main"/> in the page shell.</summary>
    /// <param name="title">The page title (without the course title).</param>
    /// <param name="root">The relative path from the page to the site root: "" or "../".</param>
    /// <param name="currentLessonId">The lesson to highlight in the sidebar, or null.</param>
    /// <param name="main">The page's main HTML.</param>
    public string Render(string title, string root, string? currentLessonId, string main)
    {
        var html = new StringBuilder(main.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" — ").Append(E(courseTitle)).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("assets/site.css\">\n")
            .Append("<script>try{var t=localStorage.getItem('course-theme');if(t)document.documentElement.dataset.theme=t;}catch(e){}</script>\n")
            .Append("<script defer src=\"").Append(root).Append("assets/search-index.js\"></script>\n")
            .Append("<script defer src=\"").Append(root).Append("assets/site.js\"></script>\n")
            .Append("</head>\n<body").Append(instructor ? " class=\"instructor\"" : string.Empty).Append(" data-root=\"").Append(root).Append("\">\n")
            .Append("<header class=\"site-header\">\n<a class=\"site-title\" href=\"").Append(root).Append("index.html\">").Append(E(courseTitle)).Append("</a>\n");
        if (instructor)
        {
            html.Append("<span class=\"view-badge\">Instructor view</span>\n");
        }

        html.Append("<div class=\"tools\">\n<div class=\"search\"><input id=\"search-input\" type=\"search\" placeholder=\"Search the course\" aria-label=\"Search the course\" autocomplete=\"off\">\n")
            .Append("<ul id=\"search-results\" class=\"search-results\" hidden></ul></div>\n")
            .Append("<button id=\"theme-toggle\" type=\"button\" aria-label=\"Switch between light and dark\">◐</button>\n</div>\n</header>\n")
            .Append("<div class=\"layout\">\n<nav class=\"sidebar\" aria-label=\"Lessons\">\n<ol class=\"lessons\">\n");
        foreach (var lesson in lessons)
        {
            // The lesson's own number (01, 04 …), as the course map shows it, not the list's position.
            html.Append("<li").Append(lesson.Id == currentLessonId ? " class=\"current\"" : string.Empty).Append("><a href=\"")
                .Append(root).Append(lesson.Id).Append(".html\">");
            if (lesson.Number.Length > 0)
            {
                html.Append("<span class=\"lesson-number\">").Append(lesson.Number).Append("</span> ");
            }

            html.Append(E(lesson.FrontMatter.Title)).Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n<main id=\"content\">\n").Append(main).Append("</main>\n</div>\n")
            .Append("<footer class=\"site-footer\"><p>Built from lessons/ by <code>./course site build</code>. No AWS account needed.</p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes text.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);
}
