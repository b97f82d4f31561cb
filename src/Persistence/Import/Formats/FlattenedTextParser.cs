using System.Text.RegularExpressions;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// The opendilab list flattened to one line (003): no links, no line breaks; headings, titles, authors
/// and `Keyword:` / `Code: official` / `Dataset:` / `Env:` / `Task:` fields run together, separated
/// by " - ". The headings are read from the list's own table of contents and found, in order, glued
/// to the end of the segment before them ("Code: Official 2024 - DPO Meets PPO…"). Within a section,
/// an item is a title, its author line, and its fields; titles that contain " - " themselves are
/// re-joined because the part after the break is not a list of names (see <see cref="NameList"/>).
/// </summary>
internal sealed partial class FlattenedTextParser : IListParser
{
    // What the opendilab lists tag blog posts with ("[OpenAI] [ChatGPT: …]" in 001:304), kept when flattened.
    private static readonly string[] BlogPublishers =
        ["OpenAI / Arize", "OpenAI", "Hugging Face", "ZhiHu", "W&B Fully Connected", "Deepmind", "Notion", "gist", "YouTube", "Encord", "hijkzzz", "Weixun Wang", "Lilian Weng"];

    public string Format => "flattened-text";

    public ParsedList Parse(string source, string text)
    {
        var items = new List<ListItem>();
        var skipped = new List<SkippedItem>();
        foreach (var section in Sections(text))
        {
            var segments = Segments(text, section.Start, section.End);
            switch (section.Kind)
            {
                case SectionKind.Blogs:
                    ReadBlogs(source, section, segments, items);
                    break;
                case SectionKind.Books:
                    ReadBooks(source, section, segments, items);
                    break;
                default:
                    ReadEntries(source, section, segments, items, skipped);
                    break;
            }
        }

        return ItemEvidence.Screen(source, items, skipped, linkless: true);
    }

    /// <summary>Content sections, found by the headings the table of contents names, in that order.</summary>
    internal static List<Section> Sections(string text)
    {
        var toc = TableOfContents().Match(text);
        if (!toc.Success) return [];
        var names = toc.Groups["entries"].Value.Split(" - ", StringSplitOptions.TrimEntries);
        var papers = Array.IndexOf(names, "Papers");
        if (papers < 0) return [];

        var sections = new List<Section>();
        var cursor = toc.Index + toc.Length;
        (string Name, int ContentStart)? open = null;
        foreach (var name in names.Skip(papers + 1))
        {
            // Glued to the end of a segment: " 2024 - " (the last heading, " Other Language Support ", ends the content).
            var marker = $" {name} - ";
            var at = text.IndexOf(marker, cursor, StringComparison.Ordinal);
            var end = at;
            if (at < 0)
            {
                at = text.IndexOf($" {name} ", cursor, StringComparison.Ordinal);
                end = at;
                if (at < 0) continue;
            }

            if (open is { } o) sections.Add(Describe(o.Name, o.ContentStart, end));
            cursor = at + marker.Length;
            open = SectionClassifier.IsNonContent(name) || SectionClassifier.KindOf(name) is null && SectionClassifier.YearOf(name) is null
                ? null
                : (name, Math.Min(cursor, text.Length));
        }

        if (open is { } last) sections.Add(Describe(last.Name, last.ContentStart, text.Length));
        return sections;
    }

    private static Section Describe(string name, int start, int end) =>
        new(name, SectionClassifier.KindOf(name) ?? SectionKind.Papers, SectionClassifier.YearOf(name), start, end);

    /// <summary>The " - "-separated segments of a range, with their 1-based columns. " -Safe-RLHF" (a lost space) also separates.</summary>
    internal static List<Segment> Segments(string text, int start, int end)
    {
        var segments = new List<Segment>();
        var position = start;
        foreach (Match separator in Separator().Matches(text[start..end]))
        {
            Add(position, start + separator.Index);
            position = start + separator.Index + separator.Length;
        }

        Add(position, end);
        return segments;

        void Add(int from, int to)
        {
            var value = text[from..to].Trim();
            if (value.Length > 0) segments.Add(new Segment(value, from + 1 + (text[from..to].Length - text[from..to].TrimStart().Length)));
        }
    }

    private static void ReadEntries(string source, Section section, List<Segment> segments, List<ListItem> items, List<SkippedItem> skipped)
    {
        var i = 0;
        while (i < segments.Count)
        {
            var head = segments[i];
            if (IsField(head.Text))
            {
                skipped.Add(new SkippedItem(source, 1, $"column {head.Column}: a field with no item before it: \"{Snippet(head.Text)}\""));
                i++;
                continue;
            }

            var title = head.Text;
            i++;
            // The non-field segments up to the first field: title continuations, then the author line.
            var run = 0;
            while (i + run < segments.Count && run < 4 && !IsField(segments[i + run].Text)) run++;
            var fieldFollows = i + run < segments.Count && IsField(segments[i + run].Text);

            string? byline = null;
            if (run >= 1 && NameList.IsStrong(segments[i].Text))
            {
                byline = segments[i].Text;
                i++;
            }
            else if (fieldFollows && run >= 1)
            {
                for (var k = 0; k < run - 1; k++) title += " - " + segments[i + k].Text;
                var candidate = segments[i + run - 1].Text;
                if (NameList.IsPlausible(candidate)) byline = candidate;
                else title += " - " + candidate;
                i += run;
            }

            var fields = new FieldLines();
            if (byline is not null) fields.Read(byline, []);
            // An unlabelled keyword line right after the authors ("step-by-step, Video tutorial, Jupyter notebooks, …").
            if (i < segments.Count && !IsField(segments[i].Text) && i + 1 < segments.Count && IsField(segments[i + 1].Text) && IsKeywordList(segments[i].Text))
            {
                fields.Read("Keyword: " + segments[i].Text, []);
                i++;
            }

            while (i < segments.Count && IsField(segments[i].Text))
            {
                fields.Read(segments[i].Text, []);
                i++;
            }

            items.Add(new ListItem
            {
                Source = source,
                Line = 1,
                Column = head.Column,
                Section = section.Path,
                SectionKind = section.Kind,
                SectionYear = section.Year,
                Title = title,
                People = fields.People,
                PeopleTruncated = fields.Truncated,
                Keywords = fields.Keywords,
                Environments = fields.Environments,
                Tasks = fields.Tasks,
                Code = fields.Code,
                Datasets = fields.Datasets,
            });
        }
    }

    private static void ReadBlogs(string source, Section section, List<Segment> segments, List<ListItem> items)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var publisher = BlogPublishers.FirstOrDefault(p => segment.Text.StartsWith(p + " ", StringComparison.Ordinal));
            var title = publisher is null ? segment.Text : segment.Text[(publisher.Length + 1)..];
            // "YouTube John Schulman - Reinforcement Learning from Human Feedback: …": a speaker before the title's own " - ".
            if (title.Split(' ').Length <= 2 && i + 1 < segments.Count && BlogPublishers.All(p => !segments[i + 1].Text.StartsWith(p + " ", StringComparison.Ordinal)))
                title += " - " + segments[++i].Text;
            items.Add(new ListItem
            {
                Source = source,
                Line = 1,
                Column = segment.Column,
                Section = section.Path,
                SectionKind = section.Kind,
                SectionYear = section.Year,
                Title = DecodeFileName(title),
                Organization = publisher,
            });
        }
    }

    /// <summary>
    /// "Weixun Wang Overview of RLHF+LLM%2BLLM%E7%9A%84….JPG": a post that is a picture kept its URL-encoded file name
    /// as its title when flattened; readers get the decoded name ("Overview of RLHF+LLM+LLM的片面脉络.JPG").
    /// </summary>
    private static string DecodeFileName(string title) =>
        PercentEscape().IsMatch(title) ? Uri.UnescapeDataString(title) : title;

    private static void ReadBooks(string source, Section section, List<Segment> segments, List<ListItem> items)
    {
        // "Reinforcement Learning from Human Feedback by Nathan Lambert": the byline is ItemEvidence's to fold out, as for every list.
        foreach (var segment in segments)
        {
            items.Add(new ListItem
            {
                Source = source,
                Line = 1,
                Column = segment.Column,
                Section = section.Path,
                SectionKind = section.Kind,
                Title = segment.Text,
            });
        }
    }

    private static bool IsField(string segment) => FieldLabel().IsMatch(segment);

    private static bool IsKeywordList(string segment)
    {
        var parts = segment.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length >= 3 && parts.All(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4) && !NameList.IsStrong(segment);
    }

    private static string Snippet(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"Table of Contents - (?<entries>.*? - License)\b")]
    private static partial Regex TableOfContents();

    [GeneratedRegex(@" - | -(?=\p{Lu})")]
    private static partial Regex Separator();

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentEscape();

    [GeneratedRegex(@"^(?:Keywords?|Code|Datasets?|Envs?|Environments?|Tasks?)\s*[:;]", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLabel();

    /// <summary>A content section: its heading, what it lists, and the character range of its text.</summary>
    internal sealed record Section(string Name, SectionKind Kind, int? Year, int Start, int End)
    {
        public string Path => Year is null ? Name : $"Papers / {Name}";
    }

    /// <summary>One " - "-separated piece of text and where it starts.</summary>
    internal sealed record Segment(string Text, int Column);
}
