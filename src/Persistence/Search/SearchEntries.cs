using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Persistence.Search;

/// <summary>Derives the SearchEntries table from the graph's tables; what each kind is findable by lives here.</summary>
/// <remarks>
/// Links are read as flat, ordered pairs of ids and joined here, and each author's and keyword's name is folded once:
/// reading papers with their authors and keywords as nested lists through EF Core, and folding a prolific author's
/// name for every paper, was most of the phase (250k-item list: 9.1 s of CPU to read the papers alone; see
/// docs/benchmarks.md §13). Everything is read first, in one go, and the entries made from it as they are written; after
/// an import, the link tables (the bylines, the papers' keywords) are taken as the importer wrote them (see <see cref="WrittenGraph"/>).
/// </remarks>
internal static class SearchEntries
{
    /// <summary>
    /// Replaces every entry. Where the importer inserts rows itself (see <see cref="RowInserter"/>) the entries are made on a
    /// second thread a few thousand ahead of the inserts and never held all at once (250k-item list: 830 000 entries, ≈ 250 MB
    /// when they were made whole before the first insert; docs/benchmarks.md §13).
    /// </summary>
    /// <param name="db">The importer's context, in its transaction.</param>
    /// <param name="written">The links as the importer has just written them, which are then not read back; null: read from the tables.</param>
    /// <param name="ct">Cancels the rewrite.</param>
    public static async Task RewriteAsync(RlhfGraphDbContext db, WrittenGraph? written, CancellationToken ct)
    {
        await db.SearchEntries.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        var entries = Make(await ReadAsync(db, written, ct).ConfigureAwait(false));
        if (new RowInserter(db) is { IsAvailable: true } inserter)
        {
            inserter.Insert(ReadAhead.InChunks(entries));
            return;
        }

        db.SearchEntries.AddRange(entries);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>What the entries are made of, read in one go (ordered, so the text does not depend on the order rows were written in).</summary>
    private static async Task<Rows> ReadAsync(RlhfGraphDbContext db, WrittenGraph? written, CancellationToken ct)
    {
        // On SQLite synchronously: it answers on the calling thread either way, and EF's asynchronous reader made an execution
        // context per row (250k-item list: 2.9 million rows, 340 MB of them, docs/benchmarks.md §13).
        var sqlite = db.Database.IsSqlite();
        async Task<List<T>> All<T>(IQueryable<T> query)
        {
            ct.ThrowIfCancellationRequested();
            return sqlite ? query.ToList() : await query.ToListAsync(ct).ConfigureAwait(false);
        }

        // The four large tables (250k-item list: 2.9 million rows) straight from the connection's reader where the entries are
        // written straight to it too (see RowInserter): EF's materializer boxed each value and made an execution context per
        // row, 480 MB of garbage (docs/benchmarks.md §13). The same columns in the same order as the queries beside them.
        var raw = new RowInserter(db).IsAvailable;
        return new(
            raw ? ConnectionRows.Read(db, """SELECT "Id", "Name", "PaperCount" FROM "Authors" ORDER BY "Id" """, r => new AuthorRow(r.GetInt32(0), r.GetString(1), r.GetInt32(2)))
                : await All(db.Authors.OrderBy(a => a.Id).Select(a => new AuthorRow(a.Id, a.Name, a.PaperCount))).ConfigureAwait(false),
            await All(db.AuthorAliases.OrderBy(a => a.AuthorId).ThenBy(a => a.Name).Select(a => new AliasRow(a.AuthorId, a.Name))).ConfigureAwait(false),
            (await All(db.Keywords.Select(k => new KeywordRow(k.Id, k.Name))).ConfigureAwait(false)).ToDictionary(k => k.Id, k => k.Name),
            raw ? ConnectionRows.Read(db, """SELECT "Id", "Title", "Alias", "ArxivId", "Venue", "MentionCount" FROM "Papers" ORDER BY "Id" """,
                    r => new PaperRow(r.GetInt32(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), r.GetInt32(5)))
                : await All(db.Papers.OrderBy(p => p.Id).Select(p => new PaperRow(p.Id, p.Title, p.Alias, p.ArxivId, p.Venue, p.MentionCount))).ConfigureAwait(false),
            written?.PaperKeywordsInOrder()
                ?? (raw ? ConnectionRows.Read(db, """SELECT "PaperId", "KeywordId" FROM "PaperKeywords" ORDER BY "PaperId", "KeywordId" """, r => new Link(r.GetInt32(0), r.GetInt32(1)))
                : await All(db.PaperKeywords.OrderBy(k => k.PaperId).ThenBy(k => k.KeywordId).Select(k => new Link(k.PaperId, k.KeywordId))).ConfigureAwait(false)),
            written?.BylinesInOrder()
            ?? (raw ? ConnectionRows.Read(db, """SELECT "PaperId", "AuthorId" FROM "PaperAuthors" ORDER BY "PaperId", "Position", "AuthorId" """, r => new Link(r.GetInt32(0), r.GetInt32(1)))
                : await All(db.PaperAuthors.OrderBy(a => a.PaperId).ThenBy(a => a.Position).ThenBy(a => a.AuthorId).Select(a => new Link(a.PaperId, a.AuthorId)))
                    .ConfigureAwait(false)),
            await All(db.Codebases.Select(c => new CodebaseRow(c.Id, c.Name, c.Repository, c.Owner, c.Description, c.Url, c.Papers.Count))).ConfigureAwait(false),
            await All(db.Datasets.Select(d => new DatasetRow(d.Id, d.Name, d.Url, d.Papers.Count, d.Aliases.OrderBy(x => x.Name).Select(x => x.Name).ToList()))
                .AsSplitQuery()).ConfigureAwait(false));
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>The entries, papers first, then authors, codebases and datasets, made as they are read.</summary>
    private static IEnumerable<SearchEntry> Make(Rows rows)
    {
        var authorNames = new Dictionary<int, string>(rows.Authors.Count);
        foreach (var author in rows.Authors) authorNames[author.Id] = author.Name;
        // The same folding as for any other text, once per distinct name instead of once per byline.
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var known in authorNames.Values.Concat(rows.Keywords.Values)) folded.TryAdd(known, SearchText.Fold(known));
        string Fold(string text) => folded.TryGetValue(text, out var f) ? f : SearchText.Fold(text);

        int k = 0, b = 0;
        var text = new List<string?>();
        foreach (var p in rows.Papers)
        {
            text.Clear();
            // Both link lists are ordered by paper, as the papers are: one walk along each.
            for (; k < rows.PaperKeywords.Count && rows.PaperKeywords[k].Owner < p.Id; k++) { }
            for (; k < rows.PaperKeywords.Count && rows.PaperKeywords[k].Owner == p.Id; k++) text.Add(rows.Keywords[rows.PaperKeywords[k].Other]);
            for (; b < rows.Bylines.Count && rows.Bylines[b].Owner < p.Id; b++) { }
            for (; b < rows.Bylines.Count && rows.Bylines[b].Owner == p.Id; b++) text.Add(authorNames[rows.Bylines[b].Other]);
            text.Add(p.ArxivId);
            text.Add(p.Venue);
            yield return Entry(SearchKind.Paper, p.Id, p.Title, p.MentionCount, [p.Title, p.Alias], text, Fold);
        }

        var i = 0;
        var name = new List<string?>();
        foreach (var a in rows.Authors)
        {
            name.Clear();
            name.Add(a.Name);
            for (; i < rows.AuthorAliases.Count && rows.AuthorAliases[i].AuthorId < a.Id; i++) { }
            for (; i < rows.AuthorAliases.Count && rows.AuthorAliases[i].AuthorId == a.Id; i++) name.Add(rows.AuthorAliases[i].Name);
            yield return Entry(SearchKind.Author, a.Id, a.Name, a.PaperCount, name, [], Fold);
        }

        foreach (var c in rows.Codebases) yield return Entry(SearchKind.Codebase, c.Id, c.Name, c.Papers, [c.Name, c.Repository], [c.Owner, c.Description, c.Url], Fold);
        foreach (var d in rows.Datasets) yield return Entry(SearchKind.Dataset, d.Id, d.Name, d.Papers, [d.Name, .. d.Aliases], [d.Url], Fold);
    }

    private static SearchEntry Entry(SearchKind kind, int id, string label, int popularity, IReadOnlyList<string?> name, IReadOnlyList<string?> text, Func<string, string> fold) => new()
    {
        Id = SearchEntry.IdOf(kind, id),
        Kind = kind,
        EntityId = id,
        Label = label,
        Name = SearchText.Pad(name, fold),
        Text = SearchText.Pad(text, fold),
        Popularity = popularity,
    };

    /// <summary>A link row as two ids: its owner (the paper or author it belongs to) and what it names.</summary>
    internal readonly record struct Link(int Owner, int Other);

    private sealed record Rows(List<AuthorRow> Authors, List<AliasRow> AuthorAliases, Dictionary<int, string> Keywords, List<PaperRow> Papers,
        List<Link> PaperKeywords, List<Link> Bylines, List<CodebaseRow> Codebases, List<DatasetRow> Datasets);

    private sealed record KeywordRow(int Id, string Name);

    private sealed record AuthorRow(int Id, string Name, int PaperCount);

    private sealed record AliasRow(int AuthorId, string Name);

    private sealed record PaperRow(int Id, string Title, string? Alias, string? ArxivId, string? Venue, int MentionCount);

    private sealed record CodebaseRow(int Id, string Name, string? Repository, string? Owner, string? Description, string? Url, int Papers);

    private sealed record DatasetRow(int Id, string Name, string? Url, int Papers, List<string> Aliases);
}
