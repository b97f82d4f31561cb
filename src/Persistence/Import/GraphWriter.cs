using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Makes the database hold exactly the <see cref="ImportGraph"/>: rows matched by natural key are
/// updated in place (so ids never change), new ones inserted, vanished ones deleted (and their ids remembered, so a
/// row that comes back gets its old id). Unchanged rows
/// are not written at all, which is what makes a second import of the same lists a no-op.
/// </summary>
internal sealed class GraphWriter(RlhfGraphDbContext db)
{
    private readonly RowInserter _inserter = new(db);
    private IProgress<string>? _progress;

    public int Inserted { get; private set; }

    public int Updated { get; private set; }

    public int Deleted { get; private set; }

    public async Task WriteAsync(ImportGraph graph, IProgress<string>? progress, CancellationToken ct)
    {
        _progress = progress;
        progress?.Report("sources, keywords, authors, datasets, codebases, papers");
        var sources = await SyncEntitiesAsync(db.Sources, graph.Sources, s => s.Name, ct).ConfigureAwait(false);
        var keywords = await SyncEntitiesAsync(db.Keywords, graph.Keywords, k => k.Key, ct).ConfigureAwait(false);
        var authors = await SyncEntitiesAsync(db.Authors, graph.Authors, a => a.Key, ct,
            leaving: ids => CoauthorshipTable.ForgetAsync(db, ids, ct)).ConfigureAwait(false);
        var datasets = await SyncEntitiesAsync(db.Datasets, graph.Datasets, d => d.Key, ct).ConfigureAwait(false);
        var codebases = await SyncEntitiesAsync(db.Codebases, graph.Codebases, c => c.Key, ct).ConfigureAwait(false);
        var papers = await SyncEntitiesAsync(db.Papers, graph.Papers, p => p.Key, ct).ConfigureAwait(false);

        progress?.Report("links");
        await SyncLinksAsync(db.AuthorAliases, graph.AuthorAliases.Select(a => new AuthorAlias { AuthorId = authors[a.AuthorKey], Name = a.Alias }),
            a => (a.AuthorId, a.Name), null, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.DatasetAliases, graph.DatasetAliases.Select(a => new DatasetAlias { DatasetId = datasets[a.DatasetKey], Name = a.Alias }),
            a => (a.DatasetId, a.Name), null, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.PaperAuthors, graph.PaperAuthors.Select(l => new PaperAuthor { PaperId = papers[l.PaperKey], AuthorId = authors[l.AuthorKey], Position = l.Position }),
            l => (l.PaperId, l.AuthorId), (from, to) => to.Position = from.Position, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.CodebaseAuthors, graph.CodebaseAuthors.Select(l => new CodebaseAuthor { CodebaseId = codebases[l.CodebaseKey], AuthorId = authors[l.AuthorKey], Position = l.Position }),
            l => (l.CodebaseId, l.AuthorId), (from, to) => to.Position = from.Position, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.PaperCodebases, StrongestRelation(graph.PaperCodebases).Select(l => new PaperCodebase { PaperId = papers[l.PaperKey], CodebaseId = codebases[l.CodebaseKey], Relation = l.Relation }),
            l => (l.PaperId, l.CodebaseId), (from, to) => to.Relation = from.Relation, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.PaperDatasets, graph.PaperDatasets.Select(l => new PaperDataset { PaperId = papers[l.PaperKey], DatasetId = datasets[l.DatasetKey] }),
            l => (l.PaperId, l.DatasetId), null, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.CodebaseDatasets, graph.CodebaseDatasets.Select(l => new CodebaseDataset { CodebaseId = codebases[l.CodebaseKey], DatasetId = datasets[l.DatasetKey] }),
            l => (l.CodebaseId, l.DatasetId), null, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.PaperKeywords, graph.PaperKeywords.Select(l => new PaperKeyword { PaperId = papers[l.PaperKey], KeywordId = keywords[l.KeywordKey] }),
            l => (l.PaperId, l.KeywordId), null, ct).ConfigureAwait(false);
        await SyncLinksAsync(db.CodebaseKeywords, graph.CodebaseKeywords.Select(l => new CodebaseKeyword { CodebaseId = codebases[l.CodebaseKey], KeywordId = keywords[l.KeywordKey] }),
            l => (l.CodebaseId, l.KeywordId), null, ct).ConfigureAwait(false);

        progress?.Report("mentions");
        var mentions = graph.Mentions.Select(m => new Mention
        {
            SourceId = sources[m.SourceName],
            Section = m.Section,
            Line = m.Line,
            Column = m.Column,
            PaperId = m.Target == MentionTarget.Paper ? papers[m.TargetKey] : null,
            CodebaseId = m.Target == MentionTarget.Codebase ? codebases[m.TargetKey] : null,
            DatasetId = m.Target == MentionTarget.Dataset ? datasets[m.TargetKey] : null,
        });
        await SyncLinksAsync(db.Mentions, mentions, m => (m.SourceId, m.Line, m.Column, m.Section, m.PaperId, m.CodebaseId, m.DatasetId), null, ct).ConfigureAwait(false);

        // Derived from the bylines, so it changes only when the graph did (a second import of the same lists writes nothing).
        if (Inserted + Updated + Deleted > 0)
        {
            progress?.Report("co-authorships");
            await CoauthorshipTable.RebuildAsync(db, ct).ConfigureAwait(false);
        }
    }

    private static IEnumerable<(string PaperKey, string CodebaseKey, CodeRelation Relation)> StrongestRelation(
        IEnumerable<(string PaperKey, string CodebaseKey, CodeRelation Relation)> links) =>
        links.GroupBy(l => (l.PaperKey, l.CodebaseKey))
            .Select(g => g.OrderBy(l => l.Relation switch { CodeRelation.Official => 0, CodeRelation.ThirdParty => 1, _ => 2 }).First());

    /// <summary>
    /// Syncs one entity table by natural key. A row that leaves is retired (its key and id written to RetiredKeys in the
    /// same transaction); a row whose key is retired comes back with its old id, so global ids survive a leave-and-return.
    /// </summary>
    private async Task<Dictionary<string, int>> SyncEntitiesAsync<T>(DbSet<T> set, IReadOnlyList<T> desired, Func<T, string> keyOf, CancellationToken ct,
        Func<IReadOnlyCollection<int>, Task<int>>? leaving = null)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var kind = entityType.ClrType.Name;
        var idProperty = entityType.FindProperty("Id")!.GetGetter();
        var existing = (await set.ToListAsync(ct).ConfigureAwait(false)).ToDictionary(keyOf, StringComparer.Ordinal);
        var retired = (await db.RetiredKeys.Where(r => r.Kind == kind).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var kept = new List<T>(desired.Count);
        var added = new List<T>();
        var returning = new List<T>();
        foreach (var wanted in desired)
        {
            var key = keyOf(wanted);
            if (existing.Remove(key, out var current))
            {
                var entry = db.Entry(current);
                var id = entry.Property("Id");
                db.Entry(wanted).Property("Id").CurrentValue = id.CurrentValue;
                entry.CurrentValues.SetValues(wanted);
                db.Entry(wanted).State = EntityState.Detached;
                kept.Add(current);
            }
            else if (retired.Remove(key, out var old))
            {
                db.Entry(wanted).Property("Id").CurrentValue = old.EntityId;
                db.Entry(wanted).State = EntityState.Detached;
                db.RetiredKeys.Remove(old);
                returning.Add(wanted);
                kept.Add(wanted);
            }
            else
            {
                added.Add(wanted);
                kept.Add(wanted);
            }
        }

        if (leaving is not null && existing.Count > 0)
            await leaving([.. existing.Values.Select(e => (int)idProperty.GetClrValue(e)!)]).ConfigureAwait(false);
        set.RemoveRange(existing.Values);
        db.RetiredKeys.AddRange(existing.Select(e => new RetiredKey { Kind = kind, Key = e.Key, EntityId = (int)idProperty.GetClrValue(e.Value)! }));
        await SaveAsync(set, added, ct).ConfigureAwait(false);
        if (returning.Count > 0) await SaveReturningAsync(set, returning, ct).ConfigureAwait(false);
        return kept.ToDictionary(keyOf, e => (int)idProperty.GetClrValue(e)!, StringComparer.Ordinal);
    }

    /// <summary>Inserts rows that carry their retired ids (after the deletes and fresh inserts, which SQL Server cannot mix with explicit ids).</summary>
    private async Task SaveReturningAsync<T>(DbSet<T> set, List<T> returning, CancellationToken ct)
        where T : class
    {
        _progress?.Report($"  {set.EntityType.GetTableName()}: {returning.Count} back under their old ids");
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(set.EntityType.GetTableName()!, set.EntityType.GetSchema());
        await IdentityInsert.RunAsync(db, table, async () =>
        {
            if (_inserter.IsAvailable)
            {
                _inserter.Insert(returning, explicitKeys: true);
            }
            else
            {
                set.AddRange(returning);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }
        }, ct).ConfigureAwait(false);
        Inserted += returning.Count;
    }

    private async Task SyncLinksAsync<T, TKey>(DbSet<T> set, IEnumerable<T> desired, Func<T, TKey> keyOf, Action<T, T>? update, CancellationToken ct)
        where T : class
        where TKey : notnull
    {
        var existing = (await set.ToListAsync(ct).ConfigureAwait(false)).ToDictionary(keyOf);
        var seen = new HashSet<TKey>();
        var added = new List<T>();
        foreach (var wanted in desired)
        {
            var key = keyOf(wanted);
            if (!seen.Add(key)) continue;
            if (existing.Remove(key, out var current)) update?.Invoke(wanted, current);
            else added.Add(wanted);
        }

        set.RemoveRange(existing.Values);
        await SaveAsync(set, added, ct).ConfigureAwait(false);
    }

    // Updates and deletes go through EF first (a vanished row may free a unique value a new one takes), then the new rows.
    private async Task SaveAsync<T>(DbSet<T> set, List<T> added, CancellationToken ct)
        where T : class
    {
        // A large import spends most of its time here; one line per table shows it moving.
        _progress?.Report($"  {set.EntityType.GetTableName()}: {added.Count} new");
        if (!_inserter.IsAvailable) set.AddRange(added);
        db.ChangeTracker.DetectChanges();
        foreach (EntityEntry entry in db.ChangeTracker.Entries())
        {
            // Retired keys are the importer's bookkeeping, not rows of the graph the report counts.
            if (entry.Entity is RetiredKey) continue;
            switch (entry.State)
            {
                case EntityState.Added: Inserted++; break;
                case EntityState.Modified: Updated++; break;
                case EntityState.Deleted: Deleted++; break;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (_inserter.IsAvailable)
        {
            _inserter.Insert(added);
            Inserted += added.Count;
        }

        // Tracked rows are not read again; dropping them keeps change detection cheap for the next table.
        db.ChangeTracker.Clear();
    }
}
