using System.Text;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>Reads Markdig inlines as the lists use them: plain text, and the links in order.</summary>
internal static class MarkdownInlines
{
    /// <summary>The visible text: literals, code spans, link and emphasis text; line breaks become spaces.</summary>
    public static string Text(IEnumerable<Inline> inlines)
    {
        var builder = new StringBuilder();
        Append(builder, inlines);
        return FormatsText.Collapse(builder.ToString());
    }

    public static string TextOf(Inline inline) => Text([inline]);

    /// <summary>Every non-image link, in order, with its text and its URL (null when empty: "[Title]()").</summary>
    public static List<ListLink> Links(IEnumerable<Inline> inlines)
    {
        var links = new List<ListLink>();
        foreach (var inline in inlines)
            Collect(inline, links);
        return links;
    }

    /// <summary>A container's children as a list, so callers can look ahead and behind.</summary>
    public static List<Inline> Children(ContainerInline? container)
    {
        var list = new List<Inline>();
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling) list.Add(child);
        return list;
    }

    public static string? UrlOf(LinkInline link) => string.IsNullOrWhiteSpace(link.Url) ? null : link.Url.Trim();

    private static void Collect(Inline inline, List<ListLink> links)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true }:
                return;
            case LinkInline link:
                links.Add(new ListLink(Text(Children(link)), UrlOf(link)));
                return;
            case ContainerInline container:
                foreach (var child in Children(container)) Collect(child, links);
                return;
        }
    }

    private static void Append(StringBuilder builder, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case HtmlInline or HtmlEntityInline:
                    if (inline is HtmlEntityInline entity) builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case ContainerInline container:
                    Append(builder, Children(container));
                    break;
            }
        }
    }
}
