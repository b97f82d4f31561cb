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
    /// <remarks>
    /// Markdig keeps an unmatched "[" as a container holding everything after it, so
    /// "[W&amp;B Fully Connected][ Understanding …](…)" (001:307) would hide its title link one level down;
    /// such a bracket is spliced back in as the literal it is.
    /// </remarks>
    public static List<Inline> Children(ContainerInline? container)
    {
        var list = new List<Inline>();
        AddChildren(container, list);
        return list;
    }

    private static void AddChildren(ContainerInline? container, List<Inline> list)
    {
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LinkDelimiterInline { IsImage: false } bracket)
            {
                list.Add(new LiteralInline("["));
                AddChildren(bracket, list);
            }
            else
            {
                list.Add(child);
            }
        }
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
