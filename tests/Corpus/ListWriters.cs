using System.Globalization;

namespace RlhfGraph.Corpus;

/// <summary>The three list formats, written the way the real files spell them (see seed/).</summary>
internal static class ListWriters
{
    /// <summary>seed/awesome-rlhf-louieworth-2024.md: `- [Title](arxiv)` over `  - A, B, and C. Venue, Year.`</summary>
    public static void Louieworth(TextWriter w, IReadOnlyList<SyntheticPaper> papers, int seed)
    {
        w.WriteLine("# awesome-rlhf (synthetic)");
        w.WriteLine($"A generated list in the louieworth format (seed {seed}) for benchmarks; no paper here is real.");
        w.WriteLine();
        w.WriteLine("## Papers");
        foreach (var (heading, part) in new[] { ("RLHF for LLMs: Theory / Methods", 1), ("RLHF for Other Domains", 0) })
        {
            w.WriteLine();
            w.WriteLine($"### {heading}");
            foreach (var p in papers.Where(p => (p.Index % 3 == 0 ? 0 : 1) == part))
            {
                w.WriteLine($"- [{p.Title}]({p.PrimaryUrl})");
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  - {Byline(p.Authors)}. {p.Venue}, {p.Year}."));
            }
        }
    }

    /// <summary>
    /// seed/awesome-rlhf-opendilab-2023.md: year sections, `- [Title](pdf)` over the authors and the
    /// `Keyword:`, `Code: [official](…)` and `Dataset: [Name](…), …` lines.
    /// </summary>
    public static void OpenDilab(TextWriter w, IReadOnlyList<SyntheticPaper> papers, int seed)
    {
        w.WriteLine("# Awesome RLHF (synthetic)");
        w.WriteLine();
        w.WriteLine($"A generated list in the opendilab format (seed {seed}) for benchmarks; no paper here is real.");
        w.WriteLine();
        w.WriteLine("## Papers");
        w.WriteLine();
        w.WriteLine("```");
        w.WriteLine("format:");
        w.WriteLine("- [title](paper link) [links]");
        w.WriteLine("  - author1, author2, and author3...");
        w.WriteLine("  - keyword");
        w.WriteLine("  - code");
        w.WriteLine("  - experiment environments and datasets");
        w.WriteLine("```");
        foreach (var year in papers.GroupBy(p => p.Year).OrderByDescending(g => g.Key))
        {
            w.WriteLine();
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {year.Key}"));
            foreach (var p in year)
            {
                w.WriteLine($"- [{p.Title}]({(p.ArxivId is null ? p.PageUrl : $"https://arxiv.org/pdf/{p.ArxivId}.pdf")})");
                w.WriteLine($"  - {string.Join(", ", p.Authors)}");
                w.WriteLine($"  - Keyword: {string.Join(", ", p.Keywords.Select(Vocabulary.KeywordName))}");
                if (p.CodeUrl is not null) w.WriteLine($"  - Code: [{(p.OfficialCode ? "official" : "third-party")}]({p.CodeUrl})");
                if (p.Datasets.Count > 0)
                    w.WriteLine($"  - Dataset: {string.Join(", ", p.Datasets.Select(d => $"[{Vocabulary.DatasetName(d)}](https://huggingface.co/datasets/synthetic/{Vocabulary.DatasetName(d).ToLowerInvariant()})"))}");
                w.WriteLine();
            }
        }
    }

    /// <summary>
    /// seed/awesome-llm-training.md: `- **Title**, `arXiv, id`, [arxiv](…), [pdf](…), cication: [**N**](…)` over
    /// a tab-indented `*A, B* · ([repo](github) - owner)` line.
    /// </summary>
    public static void LlmTraining(TextWriter w, IReadOnlyList<SyntheticPaper> papers, int seed)
    {
        w.WriteLine("# Awesome llm training (synthetic)");
        w.WriteLine();
        w.WriteLine($"A generated list in the llm-training format (seed {seed}) for benchmarks; no paper here is real.");
        foreach (var (heading, part) in new[] { ("RLHF", 1), ("Alignment", 0) })
        {
            w.WriteLine();
            w.WriteLine($"## {heading}");
            foreach (var p in papers.Where(p => (p.Index % 4 == 0 ? 0 : 1) == part))
            {
                var cites = p.Citations == 0 ? "[**-1**](None)" : string.Create(CultureInfo.InvariantCulture, $"[**{p.Citations}**](https://scholar.google.com/scholar?cites={1000003L * (p.Index + 1)}&as_sdt=2005&sciodt=0,5&hl=en)");
                w.WriteLine($"- **{p.Title}**, `arXiv, {p.ArxivId}`, [arxiv](http://arxiv.org/abs/{p.ArxivId}v1), [pdf](http://arxiv.org/pdf/{p.ArxivId}v1.pdf), cication: {cites}");
                w.WriteLine();
                var code = p.CodeUrl is null ? "" : $" · ([{p.CodeUrl[(p.CodeUrl.LastIndexOf('/') + 1)..]}]({p.CodeUrl}) - {p.CodeUrl.Split('/')[3]})";
                w.WriteLine($"\t *{string.Join(", ", p.Authors)}*{code}");
            }
        }
    }

    private static string Byline(IReadOnlyList<string> authors) =>
        authors.Count switch
        {
            1 => authors[0],
            2 => $"{authors[0]} and {authors[1]}",
            _ => $"{string.Join(", ", authors.Take(authors.Count - 1))}, and {authors[^1]}",
        };
}
