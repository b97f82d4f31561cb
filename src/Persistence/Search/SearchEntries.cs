using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Persistence.Search;

/// <summary>Derives the SearchEntries table from the graph's tables; what each kind is findable by lives here.</summary>
/// <remarks>
/// Links are read as flat, ordered pairs of ids and joined here, and each author's and keyword's name is folded once:
/// reading papers with their authors and keywords as nested lists through EF Core, and folding a prolific author's
/// name for every paper, was most of the phase (250k-item list: 9.1 s of CPU to read the papers alone; see
/// docs/benchmarks.md §13). Each kind is written before the next is read, so one kind's entries are in memory at once.
/// </remarks>
internal static class SearchEntries
{
    public static async Task RewriteAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        await db.SearchEntries.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        // A large import has a search entry per paper, author, codebase and dataset: the importer's prepared inserts where it can.
        var inserter = new RowInserter(db);

        var authors = await db.Authors.OrderBy(a => a.Id).Select(a => new { a.Id, a.Name, a.PaperCount }).ToListAsync(ct).ConfigureAwait(false);
        var keywords = await db.Keywords.Select(k => new { k.Id, k.Name }).ToDictionaryAsync(k => k.Id, k => k.Name, ct).ConfigureAwait(false);
        var authorNames = new Dictionary<int, string>(authors.Count);
        foreach (var author in authors) authorNames[author.Id] = author.Name;
        // The same folding as for any other text, once per distinct name instead of once per byline.
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in authorNames.Values.Concat(keywords.Values)) folded.TryAdd(name, SearchText.Fold(name));
        string Fold(string text) => folded.TryGetValue(text, out var f) ? f : SearchText.Fold(text);

        {
            var papers = await db.Papers.OrderBy(p => p.Id).Select(p => new { p.Id, p.Title, p.Alias, p.ArxivId, p.Venue, p.MentionCount })
                .ToListAsync(ct).ConfigureAwait(false);
            // Ordered, so the derived text does not depend on the order the links were written in.
            var paperKeywords = await db.PaperKeywords.OrderBy(k => k.PaperId).ThenBy(k => k.KeywordId).Select(k => new Link(k.PaperId, k.KeywordId))
                .ToListAsync(ct).ConfigureAwait(false);
            var bylines = await db.PaperAuthors.OrderBy(a => a.PaperId).ThenBy(a => a.Position).ThenBy(a => a.AuthorId).Select(a => new Link(a.PaperId, a.AuthorId))
                .ToListAsync(ct).ConfigureAwait(false);
            var entries = new List<SearchEntry>(papers.Count);
            int k = 0, b = 0;
            var text = new List<string?>();
            foreach (var p in papers)
            {
                text.Clear();
                // Both link lists are ordered by paper, as the papers are: one walk along each.
                for (; k < paperKeywords.Count && paperKeywords[k].Owner < p.Id; k++) { }
                for (; k < paperKeywords.Count && paperKeywords[k].Owner == p.Id; k++) text.Add(keywords[paperKeywords[k].Other]);
                for (; b < bylines.Count && bylines[b].Owner < p.Id; b++) { }
                for (; b < bylines.Count && bylines[b].Owner == p.Id; b++) text.Add(authorNames[bylines[b].Other]);
                text.Add(p.ArxivId);
                text.Add(p.Venue);
                entries.Add(Entry(SearchKind.Paper, p.Id, p.Title, p.MentionCount, [p.Title, p.Alias], text, Fold));
            }

            await WriteAsync(db, inserter, entries, ct).ConfigureAwait(false);
        }

        {
            var aliases = await db.AuthorAliases.OrderBy(a => a.AuthorId).ThenBy(a => a.Name).Select(a => new { a.AuthorId, a.Name })
                .ToListAsync(ct).ConfigureAwait(false);
            var entries = new List<SearchEntry>(authors.Count);
            var i = 0;
            var name = new List<string?>();
            foreach (var a in authors)
            {
                name.Clear();
                name.Add(a.Name);
                for (; i < aliases.Count && aliases[i].AuthorId < a.Id; i++) { }
                for (; i < aliases.Count && aliases[i].AuthorId == a.Id; i++) name.Add(aliases[i].Name);
                entries.Add(Entry(SearchKind.Author, a.Id, a.Name, a.PaperCount, name, [], Fold));
            }

            await WriteAsync(db, inserter, entries, ct).ConfigureAwait(false);
        }

        var codebases = await db.Codebases.Select(c => new { c.Id, c.Name, c.Repository, c.Owner, c.Description, c.Url, Papers = c.Papers.Count })
            .ToListAsync(ct).ConfigureAwait(false);
        await WriteAsync(db, inserter, [.. codebases.Select(c => Entry(SearchKind.Codebase, c.Id, c.Name, c.Papers, [c.Name, c.Repository], [c.Owner, c.Description, c.Url], Fold))], ct)
            .ConfigureAwait(false);

        var datasets = await db.Datasets.Select(d => new { d.Id, d.Name, d.Url, Papers = d.Papers.Count, Aliases = d.Aliases.OrderBy(x => x.Name).Select(x => x.Name).ToList() })
            .AsSplitQuery().ToListAsync(ct).ConfigureAwait(false);
        await WriteAsync(db, inserter, [.. datasets.Select(d => Entry(SearchKind.Dataset, d.Id, d.Name, d.Papers, [d.Name, .. d.Aliases], [d.Url], Fold))], ct)
            .ConfigureAwait(false);
    }

    private static async Task WriteAsync(RlhfGraphDbContext db, RowInserter inserter, List<SearchEntry> entries, CancellationToken ct)
    {
        if (inserter.IsAvailable)
        {
            inserter.Insert(entries);
            return;
        }

        db.SearchEntries.AddRange(entries);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var entry in entries) db.Entry(entry).State = EntityState.Detached;
    }

    private static SearchEntry Entry(SearchKind kind, int id, string label, int popularity, IEnumerable<string?> name, IEnumerable<string?> text, Func<string, string> fold) => new()
    {
        Id = SearchEntry.IdOf(kind, id),
        Kind = kind,
        EntityId = id,
        Label = label,
        Name = SearchText.Pad(name.Distinct(StringComparer.OrdinalIgnoreCase), fold),
        Text = SearchText.Pad(text.Distinct(StringComparer.OrdinalIgnoreCase), fold),
        Popularity = popularity,
    };

    /// <summary>A link row as two ids: its owner (the paper or author it belongs to) and what it names.</summary>
    private readonly record struct Link(int Owner, int Other);
}
