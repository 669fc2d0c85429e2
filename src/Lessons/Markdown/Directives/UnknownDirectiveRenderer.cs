using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Lessons.Markdown.Directives;

/// <summary>Renders an unknown directive as its children, so a preview still shows the text.</summary>
internal sealed class UnknownDirectiveRenderer : HtmlObjectRenderer<UnknownDirectiveBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, UnknownDirectiveBlock obj) => renderer.WriteChildren(obj);
}
