using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Normalization;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Makes the database hold exactly the <see cref="ImportGraph"/>: rows matched by any key they hold are updated in
/// place (so ids do not change while a key remains), new ones inserted, vanished ones deleted (and their keys and ids
/// remembered, so a row that comes back gets its old id). Unchanged rows are not written at all, which is what makes a
/// second import of the same lists a no-op.
/// </summary>
internal sealed class GraphWriter(RlhfGraphDbContext db)
{
    private readonly RowInserter _inserter = new(db);
    private IProgress<string>? _progress;

    public int Inserted { get; private set; }

    public int Updated { get; private set; }

    public int Deleted { get; private set; }

    /// <summary>The links the derived tables are made of, as written (see <see cref="WrittenGraph"/>), once the whole graph is; null where the rows go through EF.</summary>
    public WrittenGraph? Written { get; private set; }

    /// <param name="graph">What the database is to hold.</param>
    /// <param name="progress">Where the phases are reported.</param>
    /// <param name="release">
    /// Empty each part of <paramref name="graph"/> once it is written (the entities once their ids are known, each link
    /// list once synced, the mentions last), so its memory can go while the later phases run; only for a caller that does
    /// not write the same graph again. 250k-item list: the graph is 528 MB of the heap as writing starts.
    /// </param>
    /// <param name="betweenPhases">Called after the authors, the codebases, all entities and the links: the importer collects there on a large import (and once more after the mentions, itself).</param>
    /// <param name="ct">Cancels the writing.</param>
    public async Task WriteAsync(ImportGraph graph, IProgress<string>? progress, bool release, Action? betweenPhases, CancellationToken ct)
    {
        _progress = progress;
        void Done<TItem>(List<TItem> written)
        {
            if (!release) return;
            written.Clear();
            written.TrimExcess();
        }

        progress?.Report("sources, keywords, authors, datasets, codebases, papers");
        var (oldPlaces, newPlaces) = await PlacesAsync(graph, ct).ConfigureAwait(false);
        var noPlaces = Array.Empty<string>().ToLookup(p => p, _ => 0);
        IReadOnlyCollection<string> PlacesOf(MentionTarget target, string key) =>
            newPlaces.TryGetValue((target, key), out var places) ? places : [];
        var sources = await SyncEntitiesAsync(db.Sources, graph.Sources, s => s.Name, s => [s.Name], _ => [], noPlaces, _ => [], ct).ConfigureAwait(false);
        var keywords = await SyncEntitiesAsync(db.Keywords, graph.Keywords, k => k.Key, k => [k.Key], _ => [], noPlaces, _ => [], ct).ConfigureAwait(false);
        // An author or a dataset is also every spelling the lists give it: the one its Key folds may come from a list that leaves.
        var authorSpellings = graph.AuthorAliases.ToLookup(a => a.AuthorKey, a => EntityKeys.Clip(PersonName.Key(a.Alias)), StringComparer.Ordinal);
        // A leaving author's co-authorship pairs, which no constraint ties to it, go when the importer rebuilds that
        // table from the bylines, in this transaction.
        var authors = await SyncEntitiesAsync(db.Authors, graph.Authors, a => a.Key, a => [a.Key], a => authorSpellings[a.Key], noPlaces, _ => [], ct).ConfigureAwait(false);
        // Each large kind's sync leaves its change tracking and key tables behind; on the server collector, whose young
        // generations are large, they stood on top of each other (250k-item list: docs/benchmarks.md §13).
        betweenPhases?.Invoke();
        var datasetSpellings = graph.DatasetAliases.ToLookup(d => d.DatasetKey, d => EntityKeys.Clip(DatasetName.Key(d.Alias)), StringComparer.Ordinal);
        var datasets = await SyncEntitiesAsync(db.Datasets, graph.Datasets, d => d.Key, d => [d.Key], d => datasetSpellings[d.Key], oldPlaces[MentionTarget.Dataset], d => PlacesOf(MentionTarget.Dataset, d.Key), ct).ConfigureAwait(false);
        var codebases = await SyncEntitiesAsync(db.Codebases, graph.Codebases, c => c.Key, c => [c.Key], c => graph.Keys.Of(nameof(Codebase), c.Key), oldPlaces[MentionTarget.Codebase], c => PlacesOf(MentionTarget.Codebase, c.Key), ct).ConfigureAwait(false);
        betweenPhases?.Invoke();
        var papers = await SyncEntitiesAsync(db.Papers, graph.Papers, p => p.Key, EntityKeys.OfPaper, p => graph.Keys.Of(nameof(Paper), p.Key), oldPlaces[MentionTarget.Paper], p => PlacesOf(MentionTarget.Paper, p.Key), ct).ConfigureAwait(false);

        var written = _inserter.IsAvailable ? new WrittenGraph(graph.PaperAuthors.Count, graph.PaperKeywords.Count) : null;

        // The links and mentions need only the ids by key from here on.
        Done(graph.Papers);
        Done(graph.Authors);
        Done(graph.Codebases);
        Done(graph.Datasets);
        Done(graph.Keywords);
        if (release) graph.Keys.Clear();
        betweenPhases?.Invoke();

        progress?.Report("links");
        await SyncLinksAsync(db.AuthorAliases, graph.AuthorAliases.Select(a => new AuthorAlias { AuthorId = authors[a.AuthorKey], Name = a.Alias }),
            a => (a.AuthorId, a.Name), null, ct).ConfigureAwait(false);
        Done(graph.AuthorAliases);
        await SyncLinksAsync(db.DatasetAliases, graph.DatasetAliases.Select(a => new DatasetAlias { DatasetId = datasets[a.DatasetKey], Name = a.Alias }),
            a => (a.DatasetId, a.Name), null, ct).ConfigureAwait(false);
        Done(graph.DatasetAliases);
        await SyncLinksAsync(db.PaperAuthors, graph.PaperAuthors.Select(l => new PaperAuthor { PaperId = papers[l.PaperKey], AuthorId = authors[l.AuthorKey], Position = l.Position }),
            l => (l.PaperId, l.AuthorId), (from, to) => to.Position = from.Position, ct, l => written?.Bylines.Add((l.PaperId, l.AuthorId, l.Position))).ConfigureAwait(false);
        Done(graph.PaperAuthors);
        await SyncLinksAsync(db.CodebaseAuthors, graph.CodebaseAuthors.Select(l => new CodebaseAuthor { CodebaseId = codebases[l.CodebaseKey], AuthorId = authors[l.AuthorKey], Position = l.Position }),
            l => (l.CodebaseId, l.AuthorId), (from, to) => to.Position = from.Position, ct).ConfigureAwait(false);
        Done(graph.CodebaseAuthors);
        await SyncLinksAsync(db.PaperCodebases, StrongestRelation(graph.PaperCodebases).Select(l => new PaperCodebase { PaperId = papers[l.PaperKey], CodebaseId = codebases[l.CodebaseKey], Relation = l.Relation }),
            l => (l.PaperId, l.CodebaseId), (from, to) => to.Relation = from.Relation, ct).ConfigureAwait(false);
        Done(graph.PaperCodebases);
        await SyncLinksAsync(db.PaperDatasets, graph.PaperDatasets.Select(l => new PaperDataset { PaperId = papers[l.PaperKey], DatasetId = datasets[l.DatasetKey] }),
            l => (l.PaperId, l.DatasetId), null, ct).ConfigureAwait(false);
        Done(graph.PaperDatasets);
        await SyncLinksAsync(db.CodebaseDatasets, graph.CodebaseDatasets.Select(l => new CodebaseDataset { CodebaseId = codebases[l.CodebaseKey], DatasetId = datasets[l.DatasetKey] }),
            l => (l.CodebaseId, l.DatasetId), null, ct).ConfigureAwait(false);
        Done(graph.CodebaseDatasets);
        await SyncLinksAsync(db.PaperKeywords, graph.PaperKeywords.Select(l => new PaperKeyword { PaperId = papers[l.PaperKey], KeywordId = keywords[l.KeywordKey] }),
            l => (l.PaperId, l.KeywordId), null, ct, l => written?.PaperKeywords.Add((l.PaperId, l.KeywordId))).ConfigureAwait(false);
        Done(graph.PaperKeywords);
        await SyncLinksAsync(db.CodebaseKeywords, graph.CodebaseKeywords.Select(l => new CodebaseKeyword { CodebaseId = codebases[l.CodebaseKey], KeywordId = keywords[l.KeywordKey] }),
            l => (l.CodebaseId, l.KeywordId), null, ct).ConfigureAwait(false);
        Done(graph.CodebaseKeywords);

        betweenPhases?.Invoke();

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
        Done(graph.Mentions);
        Written = written;
    }

    private static IEnumerable<(string PaperKey, string CodebaseKey, CodeRelation Relation)> StrongestRelation(
        IEnumerable<(string PaperKey, string CodebaseKey, CodeRelation Relation)> links) =>
        links.GroupBy(l => (l.PaperKey, l.CodebaseKey))
            .Select(g => g.OrderBy(l => l.Relation switch { CodeRelation.Official => 0, CodeRelation.ThirdParty => 1, _ => 2 }).First());

    /// <summary>
    /// Syncs one entity table. Each entity takes the id of the row holding its Key, else of the row or retired id holding
    /// most of its other keys (<see cref="IdentityMatcher"/>); rows no entity took are deleted, and every key any row
    /// held is remembered in IdentityKeys (same transaction) for the entity that comes back or regains it.
    /// </summary>
    private async Task<Dictionary<string, int>> SyncEntitiesAsync<T>(DbSet<T> set, IReadOnlyList<T> desired, Func<T, string> keyOf,
        Func<T, IEnumerable<string>> ownKeys, Func<T, IEnumerable<string>> otherKeys, ILookup<string, int> oldPlaces, Func<T, IReadOnlyCollection<string>> places, CancellationToken ct)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var kind = entityType.ClrType.Name;
        var idProperty = entityType.FindProperty("Id")!;
        var idGetter = idProperty.GetGetter();
        int IdOf(T entity) => (int)idGetter.GetClrValue(entity)!;
        var existing = await set.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var storedRows = await db.IdentityKeys.AsNoTracking().Where(r => r.Kind == kind).ToListAsync(ct).ConfigureAwait(false);
        var stored = new Dictionary<string, int>(storedRows.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var row in storedRows) stored[row.Key] = row.EntityId;

        // Arrays, not sets: a handful of keys per entity, and a large first import builds one of these per entity.
        var rows = existing.Select(e => new IdentityMatcher.Row(IdOf(e), keyOf(e), Keys(ownKeys(e)))).ToList();
        var wanted = desired.Select(e => new IdentityMatcher.Wanted(keyOf(e), Keys(ownKeys(e)), Keys(otherKeys(e)), places(e))).ToList();
        var ids = IdentityMatcher.Match(rows, stored, oldPlaces, wanted);

        var live = existing.ToDictionary(IdOf);
        var properties = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetGetter()).ToList();
        var added = new List<T>();
        var returning = new List<T>();
        for (var i = 0; i < desired.Count; i++)
        {
            var wantedEntity = desired[i];
            if (ids[i] is not { } id)
            {
                added.Add(wantedEntity);
                continue;
            }

            idProperty.PropertyInfo!.SetValue(wantedEntity, id);
            if (!live.Remove(id, out var current))
            {
                returning.Add(wantedEntity);
                continue;
            }

            // Only rows whose values changed are tracked and written: a re-import of unchanged lists tracks nothing.
            if (properties.Any(p => !Equals(p.GetClrValue(current), p.GetClrValue(wantedEntity))))
                db.Attach(current).CurrentValues.SetValues(wantedEntity);
        }

        set.RemoveRange(live.Values);
        await SaveAsync(set, added, ct).ConfigureAwait(false);
        if (returning.Count > 0) await SaveReturningAsync(set, returning, ct).ConfigureAwait(false);

        var finalIds = desired.Select(IdOf).ToList();
        await RememberKeysAsync(kind, storedRows, IdentityMatcher.Remember(rows, stored, wanted, finalIds), ct).ConfigureAwait(false);
        var result = new Dictionary<string, int>(desired.Count, StringComparer.Ordinal);
        for (var i = 0; i < desired.Count; i++) result[wanted[i].Key] = finalIds[i];
        return result;
    }

    /// <summary>
    /// The items of lists whose bytes did not change since the last import ("source, line, column"): per kind, what each
    /// named then (from Mentions) and which entity of the new graph each names now. Empty on a first import.
    /// </summary>
    private async Task<(Dictionary<MentionTarget, ILookup<string, int>> Old, Dictionary<(MentionTarget, string), List<string>> New)> PlacesAsync(ImportGraph graph, CancellationToken ct)
    {
        var hashes = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.Name, s.ContentHash }).ToListAsync(ct).ConfigureAwait(false);
        var unchanged = hashes.Where(h => graph.Sources.Any(s => s.Name == h.Name && s.ContentHash == h.ContentHash)).ToDictionary(h => h.Id, h => h.Name);
        var old = new List<(MentionTarget Target, string Place, int Id)>();
        if (unchanged.Count > 0)
        {
            var ids = unchanged.Keys.ToList();
            var mentions = await db.Mentions.AsNoTracking().Where(m => ids.Contains(m.SourceId))
                .Select(m => new { m.SourceId, m.Line, m.Column, m.PaperId, m.CodebaseId, m.DatasetId }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var m in mentions)
            {
                var place = Place(unchanged[m.SourceId], m.Line, m.Column);
                if (m.PaperId is { } paper) old.Add((MentionTarget.Paper, place, paper));
                if (m.CodebaseId is { } codebase) old.Add((MentionTarget.Codebase, place, codebase));
                if (m.DatasetId is { } dataset) old.Add((MentionTarget.Dataset, place, dataset));
            }
        }

        var lookups = Enum.GetValues<MentionTarget>().ToDictionary(t => t, t => old.Where(o => o.Target == t).ToLookup(o => o.Place, o => o.Id, StringComparer.Ordinal));
        var names = unchanged.Values.ToHashSet(StringComparer.Ordinal);
        var now = new Dictionary<(MentionTarget, string), List<string>>();
        foreach (var m in graph.Mentions)
        {
            if (!names.Contains(m.SourceName)) continue;
            if (!now.TryGetValue((m.Target, m.TargetKey), out var places)) now[(m.Target, m.TargetKey)] = places = [];
            places.Add(Place(m.SourceName, m.Line, m.Column));
        }

        return (lookups, now);
    }

    private static string Place(string source, int line, int? column) => $"{source}:{line}:{column}";

    private static string[] Keys(IEnumerable<string> keys) => keys is IReadOnlyCollection<string> { Count: 0 } ? [] : [.. keys.Where(k => k.Length > 0)];

    /// <summary>Makes IdentityKeys hold <paramref name="table"/> for <paramref name="kind"/>: bookkeeping, not rows of the graph the report counts.</summary>
    private async Task RememberKeysAsync(string kind, List<IdentityKey> storedRows, Dictionary<string, int> table, CancellationToken ct)
    {
        var added = new List<IdentityKey>();
        foreach (var row in storedRows)
        {
            if (!table.Remove(row.Key, out var id)) db.IdentityKeys.Remove(row);
            else if (id != row.EntityId) db.Attach(row).Property(r => r.EntityId).CurrentValue = id;
        }

        foreach (var (key, id) in table) added.Add(new IdentityKey { Kind = kind, Key = key, EntityId = id });
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (_inserter.IsAvailable)
        {
            _inserter.Insert(added);
        }
        else if (added.Count > 0)
        {
            db.IdentityKeys.AddRange(added);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
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

    /// <param name="set">The link table.</param>
    /// <param name="desired">Its rows; of two with one key, the first.</param>
    /// <param name="keyOf">A row's key.</param>
    /// <param name="update">Gives a row that stays the wanted row's other values.</param>
    /// <param name="ct">Cancels the sync.</param>
    /// <param name="kept">Sees every row the table holds afterwards, with its values (on another thread as they stream).</param>
    private async Task SyncLinksAsync<T, TKey>(DbSet<T> set, IEnumerable<T> desired, Func<T, TKey> keyOf, Action<T, T>? update, CancellationToken ct, Action<T>? kept = null)
        where T : class
        where TKey : notnull
    {
        var existing = (await set.ToListAsync(ct).ConfigureAwait(false)).ToDictionary(keyOf);
        var seen = new HashSet<TKey>();
        if (existing.Count == 0 && _inserter.IsAvailable)
        {
            // Nothing to update or delete (a first import, or a table that was empty): the rows go to the inserter as
            // they are made, never held as a list (mentions at 250k items: 708k entities). They are made on another thread
            // while this one steps SQLite (looking up two ids by key and deduplicating cost as much as the insert).
            _progress?.Report($"  {set.EntityType.GetTableName()}: streaming new rows");
            Inserted += _inserter.Insert(ReadAhead.InChunks(desired.Where(wanted =>
            {
                if (!seen.Add(keyOf(wanted))) return false;
                kept?.Invoke(wanted);
                return true;
            })));
            return;
        }

        var added = new List<T>();
        foreach (var wanted in desired)
        {
            var key = keyOf(wanted);
            if (!seen.Add(key)) continue;
            kept?.Invoke(wanted);
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
