using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>Reads Markdig inlines as the lists use them: plain text, and the links in order.</summary>
internal static class MarkdownInlines
{
    /// <summary>The visible text: literals, code spans, link and emphasis text; line breaks become spaces.</summary>
    /// <remarks>
    /// Written straight into collapsed text, a list read by index and a container's children walked in place (as
    /// <see cref="Children"/> would list them): a StringBuilder, its string and the collapsed copy, a boxed enumerator per
    /// list and a list per container were 132 MB of char[], 74 MB of enumerators and 83 MB of Inline[] (250k-item list).
    /// </remarks>
    public static string Text(IEnumerable<Inline> inlines)
    {
        if (inlines is List<Inline> list) return Text(list, 0, list.Count);
        var text = new CollapsedText(256);
        foreach (var inline in inlines) Append(ref text, inline);
        return text.ToStringAndReturn();
    }

    /// <summary>The visible text of the inlines written into <paramref name="text"/>, for a reader that needs no string of it.</summary>
    public static void WriteText(ref CollapsedText text, List<Inline> inlines)
    {
        foreach (var inline in inlines) Append(ref text, inline);
    }

    /// <summary>The visible text of <paramref name="count"/> inlines from <paramref name="start"/>, as <see cref="Text(IEnumerable{Inline})"/> of that range.</summary>
    public static string Text(List<Inline> inlines, int start, int count)
    {
        var text = new CollapsedText(256);
        for (var i = start; i < start + count; i++) Append(ref text, inlines[i]);
        return text.ToStringAndReturn();
    }

    /// <summary>The visible text of a container's children: <see cref="Text(IEnumerable{Inline})"/> of <see cref="Children"/>, without the list.</summary>
    public static string ChildrenText(ContainerInline? container)
    {
        var text = new CollapsedText(256);
        if (container is not null) AppendChildren(ref text, container);
        return text.ToStringAndReturn();
    }

    public static string TextOf(Inline inline)
    {
        var text = new CollapsedText(256);
        Append(ref text, inline);
        return text.ToStringAndReturn();
    }

    /// <summary>Every non-image link, in order, with its text and its URL (null when empty: "[Title]()").</summary>
    public static List<ListLink> Links(IEnumerable<Inline> inlines)
    {
        var links = new List<ListLink>();
        if (inlines is List<Inline> list)
        {
            foreach (var inline in list) Collect(inline, links);
        }
        else
        {
            foreach (var inline in inlines) Collect(inline, links);
        }

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
        // Sized to the children (an unmatched "[" may add more): most detail lines hold one or two inlines, and a list grown
        // from four slots was most of the 45 MB of Inline[] the detail lines made (250k-item list).
        var count = 0;
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling) count++;
        var list = new List<Inline>(count);
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
                links.Add(new ListLink(ChildrenText(link), UrlOf(link)));
                return;
            case ContainerInline container:
                // Children(container) would splice an unmatched "[" in as a literal, which holds no link: its children are walked alike.
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) Collect(child, links);
                return;
        }
    }

    private static void Append(ref CollapsedText text, Inline inline)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true }:
                break;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlInline or HtmlEntityInline:
                if (inline is HtmlEntityInline entity) text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case ContainerInline container:
                AppendChildren(ref text, container);
                break;
        }
    }

    /// <summary>The inlines <see cref="Children"/> would list, appended in place: an unmatched "[" is its literal, then what it holds.</summary>
    private static void AppendChildren(ref CollapsedText text, ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LinkDelimiterInline { IsImage: false } bracket)
            {
                text.Append('[');
                AppendChildren(ref text, bracket);
            }
            else
            {
                Append(ref text, child);
            }
        }
    }
}
