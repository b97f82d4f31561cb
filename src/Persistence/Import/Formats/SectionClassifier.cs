using System.Globalization;
using System.Text.RegularExpressions;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// Reads a heading's text for what its items are and which year it covers. Shared by every format
/// because all five lists use the same vocabulary ("Datasets", "Blogs", "2020 and before"...).
/// </summary>
internal static partial class SectionClassifier
{
    /// <summary>
    /// The kind a heading announces, or null when the heading says nothing about kind
    /// (e.g. "2023", "RLHF for LLMs: Theory / Methods"), so the enclosing heading's kind applies.
    /// </summary>
    public static SectionKind? KindOf(string heading)
    {
        var h = heading.ToLowerInvariant();
        if (h.Contains("survey", StringComparison.Ordinal) || h.Contains("review", StringComparison.Ordinal)) return SectionKind.Surveys;
        if (h.Contains("dataset", StringComparison.Ordinal)) return SectionKind.Datasets;
        if (h.Contains("codebase", StringComparison.Ordinal) || h.Contains("open source", StringComparison.Ordinal) || h.Contains("project", StringComparison.Ordinal)) return SectionKind.Codebases;
        if (h.Contains("blog", StringComparison.Ordinal) && !h.Contains("talk", StringComparison.Ordinal)) return SectionKind.Blogs;
        if (h.Contains("talk", StringComparison.Ordinal) && !h.Contains("blog", StringComparison.Ordinal)) return SectionKind.Talks;
        if (h.Contains("report", StringComparison.Ordinal) && !h.Contains("blog", StringComparison.Ordinal)) return SectionKind.Reports;
        if (h.Contains("book", StringComparison.Ordinal)) return SectionKind.Books;
        if (h.Contains("paper", StringComparison.Ordinal) || YearOf(heading) is not null) return SectionKind.Papers;
        return null;
    }

    /// <summary>
    /// The kind a heading of any list announces: <see cref="KindOf"/>'s seed-tested vocabulary first, then the words
    /// other lists use ("Data", "Benchmarks", "Libraries", "Tools", "Courses", "Videos", "Commercial products").
    /// </summary>
    public static SectionKind? KindOfWords(string heading)
    {
        if (KindOf(heading) is { } kind) return kind;
        foreach (var word in Words().Matches(heading.ToLowerInvariant()).Select(m => m.Value))
        {
            var singular = word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;
            switch (singular)
            {
                case "data" or "benchmark" or "corpus" or "corpora": return SectionKind.Datasets;
                case "code" or "implementation" or "library" or "librarie" or "framework" or "tool" or "software" or "repository" or "repositorie" or "toolkit":
                    return SectionKind.Codebases;
                case "post" or "article" or "newsletter": return SectionKind.Blogs;
                case "video" or "lecture" or "podcast" or "presentation" or "slide": return SectionKind.Talks;
                case "course" or "tutorial" or "class": return SectionKind.Courses;
                case "other" or "misc" or "miscellaneou" or "product" or "resource" or "company" or "companie": return SectionKind.Other;
            }
        }

        return null;
    }

    /// <summary>The year of a year heading: "2023" gives 2023, "2020 and before" gives 2020.</summary>
    public static int? YearOf(string heading)
    {
        var m = YearHeading().Match(heading.Trim());
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A heading path whose year only bounds its items' years ("2020 and before").</summary>
    public static bool IsYearBound(string? path) =>
        path is not null && (path.Contains("and before", StringComparison.OrdinalIgnoreCase) || path.Contains("and earlier", StringComparison.OrdinalIgnoreCase)
            || path.Contains("or earlier", StringComparison.OrdinalIgnoreCase));

    /// <summary>Headings whose lists are navigation or housekeeping, never content.</summary>
    public static bool IsNonContent(string heading)
    {
        var h = heading.ToLowerInvariant();
        return h.Contains("table of contents", StringComparison.Ordinal) || h.Contains("contribut", StringComparison.Ordinal)
            || h.Contains("license", StringComparison.Ordinal) || h.Contains("overview", StringComparison.Ordinal)
            || h.Contains("detailed explanation", StringComparison.Ordinal) || h.Contains("language support", StringComparison.Ordinal)
            || h.Contains("extra reference", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^((?:19|20)\d\d)(?:\s+and\s+before)?$", RegexOptions.IgnoreCase)]
    private static partial Regex YearHeading();
}
