using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Persistence.Search;

/// <summary>Derives the SearchEntries table from the graph's tables; what each kind is findable by lives here.</summary>
internal static class SearchEntries
{
    public static async Task RewriteAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        var entries = new List<SearchEntry>();

        var papers = await db.Papers.Select(p => new
        {
            p.Id,
            p.Title,
            p.Alias,
            p.ArxivId,
            p.Venue,
            p.MentionCount,
            // Ordered, so the derived text does not depend on the order the links were written in.
            Keywords = p.Keywords.OrderBy(k => k.KeywordId).Select(k => k.Keyword!.Name).ToList(),
            Authors = p.Authors.OrderBy(a => a.Position).ThenBy(a => a.AuthorId).Select(a => a.Author!.Name).ToList(),
        }).AsSplitQuery().ToListAsync(ct).ConfigureAwait(false);
        entries.AddRange(papers.Select(p => Entry(SearchKind.Paper, p.Id, p.Title, p.MentionCount,
            [p.Title, p.Alias], [.. p.Keywords, .. p.Authors, p.ArxivId, p.Venue])));

        var authors = await db.Authors.Select(a => new { a.Id, a.Name, a.PaperCount, Aliases = a.Aliases.OrderBy(x => x.Name).Select(x => x.Name).ToList() })
            .AsSplitQuery().ToListAsync(ct).ConfigureAwait(false);
        entries.AddRange(authors.Select(a => Entry(SearchKind.Author, a.Id, a.Name, a.PaperCount, [a.Name, .. a.Aliases], [])));

        var codebases = await db.Codebases.Select(c => new { c.Id, c.Name, c.Repository, c.Owner, c.Description, c.Url, Papers = c.Papers.Count })
            .ToListAsync(ct).ConfigureAwait(false);
        entries.AddRange(codebases.Select(c => Entry(SearchKind.Codebase, c.Id, c.Name, c.Papers, [c.Name, c.Repository], [c.Owner, c.Description, c.Url])));

        var datasets = await db.Datasets.Select(d => new { d.Id, d.Name, d.Url, Papers = d.Papers.Count, Aliases = d.Aliases.OrderBy(x => x.Name).Select(x => x.Name).ToList() })
            .AsSplitQuery().ToListAsync(ct).ConfigureAwait(false);
        entries.AddRange(datasets.Select(d => Entry(SearchKind.Dataset, d.Id, d.Name, d.Papers, [d.Name, .. d.Aliases], [d.Url])));

        await db.SearchEntries.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        // A large import has a search entry per paper, author, codebase and dataset: the importer's prepared inserts where it can.
        var inserter = new RowInserter(db);
        if (inserter.IsAvailable)
        {
            inserter.Insert(entries);
            return;
        }

        db.SearchEntries.AddRange(entries);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var entry in entries) db.Entry(entry).State = EntityState.Detached;
    }

    private static SearchEntry Entry(SearchKind kind, int id, string label, int popularity, IEnumerable<string?> name, IEnumerable<string?> text) => new()
    {
        Id = SearchEntry.IdOf(kind, id),
        Kind = kind,
        EntityId = id,
        Label = label,
        Name = SearchText.Pad(name.Distinct(StringComparer.OrdinalIgnoreCase)),
        Text = SearchText.Pad(text.Distinct(StringComparer.OrdinalIgnoreCase)),
        Popularity = popularity,
    };
}
