using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RlhfGraph.Corpus;

/// <summary>
/// Writes a synthetic seed folder — list files in three of the real Markdown formats plus sources.json —
/// that the real importer reads. The shape follows the real lists: a long tail of authors per paper and
/// papers per author, code on about half the papers (a few frameworks shared by many), datasets reused
/// across many papers, and papers listed in more than one file at the rate the five lists show.
/// </summary>
public static class CorpusGenerator
{
    private static readonly (ListFile File, string Name, string FileName, string Format, string Title)[] Lists =
    [
        (ListFile.Louieworth, "synthetic-louieworth", "synthetic-louieworth.md", "louieworth-markdown", "Synthetic list in the louieworth awesome-rlhf format"),
        (ListFile.OpenDilab, "synthetic-opendilab", "synthetic-opendilab.md", "opendilab-markdown", "Synthetic list in the opendilab Awesome RLHF format"),
        (ListFile.LlmTraining, "synthetic-llm-training", "synthetic-llm-training.md", "llm-training-markdown", "Synthetic list in the Awesome llm training format"),
    ];

    /// <summary>Writes the corpus into <paramref name="directory"/> (created if missing) and returns what it holds.</summary>
    public static CorpusShape Write(CorpusOptions options, string directory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Papers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Papers, 1 << 20);
        Directory.CreateDirectory(directory);
        var papers = Generate(options, out var authors);

        var files = new List<(string, string, int)>();
        foreach (var list in Lists)
        {
            var listed = papers.Where(p => p.Files.Contains(list.File)).ToList();
            using (var writer = new StreamWriter(Path.Combine(directory, list.FileName), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
            {
                switch (list.File)
                {
                    case ListFile.Louieworth: ListWriters.Louieworth(writer, listed, options.Seed); break;
                    case ListFile.OpenDilab: ListWriters.OpenDilab(writer, listed, options.Seed); break;
                    default: ListWriters.LlmTraining(writer, listed, options.Seed); break;
                }
            }

            files.Add((list.Name, list.FileName, listed.Count));
        }

        var manifest = Lists.Select(l => new Dictionary<string, string>
        {
            ["name"] = l.Name,
            ["file"] = l.FileName,
            ["originalFile"] = $"generated (seed {options.Seed}, {options.Papers} papers)",
            ["title"] = l.Title,
            ["format"] = l.Format,
        });
        File.WriteAllText(Path.Combine(directory, "sources.json"), JsonSerializer.Serialize(manifest, ManifestJson) + "\n");

        // Datasets and keywords are written in the opendilab format only, so only its papers count.
        var inOpenDilab = papers.Where(p => p.Files.Contains(ListFile.OpenDilab)).ToList();
        return new CorpusShape
        {
            Papers = papers.Count,
            Authors = authors,
            PaperAuthorLinks = papers.Sum(p => p.Authors.Count),
            Codebases = papers.Where(p => p.CodeUrl is not null).Select(p => p.CodeUrl).Distinct(StringComparer.Ordinal).Count(),
            Datasets = inOpenDilab.SelectMany(p => p.Datasets).Distinct().Count(),
            Keywords = inOpenDilab.SelectMany(p => p.Keywords).Distinct().Count(),
            Files = files,
        };
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    private static List<SyntheticPaper> Generate(CorpusOptions options, out int authorCount)
    {
        var random = new SplitMix64((ulong)options.Seed);
        var n = options.Papers;
        var datasetPool = Math.Max(12, n / 150);
        var keywordPool = Math.Max(20, n / 40);
        var frameworkPool = Math.Max(5, n / 400);
        authorCount = 0;
        var papers = new List<SyntheticPaper>(n);
        for (var i = 0; i < n; i++)
        {
            // arXiv ids spread over 2018-2025, numbered within their month, so every id is distinct.
            var month = i % 96;
            var year = 2018 + (month / 12);
            var withArxiv = !random.Chance(options.WithoutArxiv);
            var arxivId = withArxiv ? string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{month % 12 + 1:D2}.{(i / 96) + 1:D5}") : null;
            var pageUrl = withArxiv ? null : $"https://openreview.net/forum?id={Vocabulary.Codename(i).ToLowerInvariant()}";
            var title = $"{Vocabulary.Codename(i)} {Vocabulary.Tagline(i)}: {Pick(random, Vocabulary.Adjectives)} {Pick(random, Vocabulary.Nouns)} for {Pick(random, Vocabulary.Topics)}";

            // Authors per paper: geometric, mean about 4.5, a few very long bylines. A new author 30 % of the
            // time, otherwise an earlier one chosen with a long tail, so a few authors write hundreds of papers.
            var count = 1;
            while (count < 40 && random.Chance(0.78)) count++;
            var ids = new List<int>(count);
            for (var a = 0; a < count; a++)
            {
                var id = authorCount == 0 || random.Chance(0.3) ? -1 : random.Skewed(authorCount, 2.0);
                if (id < 0 || ids.Contains(id)) id = authorCount++;
                ids.Add(id);
            }

            string? codeUrl = null;
            var official = true;
            if (random.Chance(options.WithCode))
            {
                if (random.Chance(0.15))
                {
                    var framework = random.Skewed(frameworkPool, 2.0);
                    codeUrl = $"https://github.com/{Vocabulary.FamilyName(framework).ToLowerInvariant()}-lab/{Vocabulary.FrameworkName(framework)}";
                    official = false;
                }
                else
                {
                    codeUrl = $"https://github.com/{Vocabulary.FamilyName(ids[0]).ToLowerInvariant()}/{Vocabulary.Codename(i).ToLowerInvariant()}";
                }
            }

            var datasets = Distinct(random.Chance(0.6) ? 1 + random.Below(3) : 0, () => random.Skewed(datasetPool, 2.5));
            var keywords = Distinct(1 + random.Below(3), () => random.Skewed(keywordPool, 2.0));
            papers.Add(new SyntheticPaper(
                i, title, arxivId, pageUrl, year, Pick(random, Vocabulary.Venues), ids.Select(Vocabulary.PersonName).ToList(),
                codeUrl, official, datasets, keywords, random.Skewed(2000, 3.0), Listings(random, options, codeUrl is not null, withArxiv)));
        }

        return papers;
    }

    // Code is only read from the opendilab and llm-training formats, so a paper with code is first listed there;
    // the llm-training format needs an arXiv id.
    private static List<ListFile> Listings(SplitMix64 random, CorpusOptions options, bool withCode, bool withArxiv)
    {
        var allowed = withArxiv ? new List<ListFile> { ListFile.Louieworth, ListFile.OpenDilab, ListFile.LlmTraining } : [ListFile.Louieworth, ListFile.OpenDilab];
        var primary = (withCode, withArxiv) switch
        {
            (true, true) => random.Chance(0.6) ? ListFile.OpenDilab : ListFile.LlmTraining,
            (true, false) => ListFile.OpenDilab,
            _ => random.NextDouble() switch { < 0.55 => ListFile.Louieworth, < 0.85 => ListFile.OpenDilab, _ => withArxiv ? ListFile.LlmTraining : ListFile.Louieworth },
        };
        var files = new List<ListFile> { primary };
        allowed.Remove(primary);
        var roll = random.NextDouble();
        var extra = roll < options.ThirdListing ? 2 : roll < options.SecondListing ? 1 : 0;
        for (var e = 0; e < extra && allowed.Count > 0; e++)
        {
            var next = allowed[random.Below(allowed.Count)];
            files.Add(next);
            allowed.Remove(next);
        }

        return files;
    }

    private static List<int> Distinct(int count, Func<int> next)
    {
        var picked = new List<int>(count);
        for (var attempt = 0; picked.Count < count && attempt < count * 4; attempt++)
        {
            var value = next();
            if (!picked.Contains(value)) picked.Add(value);
        }

        return picked;
    }

    private static string Pick(SplitMix64 random, string[] words) => words[random.Below(words.Length)];
}
