using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Imports a seed folder (list files plus sources.json) into the database as one transaction:
/// everything is read and merged in memory first, so a bad file fails before any write, and a
/// failure while writing rolls back to exactly the database that was there before.
/// </summary>
public sealed class Importer(IDbContextFactory<RlhfGraphDbContext> contexts, ILogger<Importer> logger)
{
    /// <summary>Reads, merges and writes; returns what was imported and what changed.</summary>
    /// <exception cref="ImportException">A list or the manifest could not be read; nothing was written.</exception>
    public Task<ImportReport> ImportAsync(string seedDirectory, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(seedDirectory, ImportOptions.Default, progress, cancellationToken);

    /// <summary>Reads, merges and writes; returns what was imported and what changed.</summary>
    /// <exception cref="ImportException">
    /// A list or the manifest could not be read, or the import would shrink a source (see <see cref="ImportOptions.AllowShrink"/>); nothing was written.
    /// </exception>
    public async Task<ImportReport> ImportAsync(string seedDirectory, ImportOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var manifest = await SeedManifest.ReadAsync(seedDirectory, cancellationToken).ConfigureAwait(false);
        var (graph, skipped, items) = await ReadAsync(seedDirectory, manifest, progress, cancellationToken).ConfigureAwait(false);
        // This continuation runs on the stack of ReadAsync's last step, whose frames still hold the parsed lists (a frame that
        // has not returned is a GC root, and setting a local to null does not clear the slots the JIT copied it to): from a
        // fresh stack the collection frees them (250k-item list: 1 166 → 528 MB live as the writing starts, docs/benchmarks.md §13).
        await Task.Yield();
        // Here the heap falls from the merge's peak to the graph alone: this collection also gives the free pages back, so
        // the writing's own growth (and SQLite's cache) starts from there rather than on top of the merge's high-water mark.
        CollectBetweenPhases(items, giveBack: true);

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            ImportLock.WaitUpTo(db, options.LockWait);
            var strategy = db.Database.CreateExecutionStrategy();
            // Counted before writing: without retries, the writer empties the graph as it goes (see GraphWriter.WriteAsync).
            var links = graph.PaperAuthors.Count + graph.CodebaseAuthors.Count + graph.PaperCodebases.Count + graph.PaperDatasets.Count
                + graph.CodebaseDatasets.Count + graph.PaperKeywords.Count + graph.CodebaseKeywords.Count;
            var (papers, authors, codebases, datasets, keywords, mentions) =
                (graph.Papers.Count, graph.Authors.Count, graph.Codebases.Count, graph.Datasets.Count, graph.Keywords.Count, graph.Mentions.Count);
            var writer = await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                var attempt = new GraphWriter(db);
                var (transaction, firstImport) = await BeginAsync(db, ct).ConfigureAwait(false);
                try
                {
                    await using (transaction.ConfigureAwait(false))
                    {
                        await ImportLock.AcquireAsync(db, ct).ConfigureAwait(false);
                        if (!options.AllowShrink) await RefuseShrinkAsync(db, graph, manifest, ct).ConfigureAwait(false);
                        // SQLite's default 2 MB page cache spills while a large import fills a dozen indexes; 64 MB keeps them in memory.
                        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct).ConfigureAwait(false);
                        var indexes = firstImport is null ? null : await FirstImportIndexes.DropAsync(db, ct).ConfigureAwait(false);
                        // A strategy that retries runs this again on the same graph, so only one that does not may let the writer empty it.
                        await attempt.WriteAsync(graph, progress, release: !strategy.RetriesOnFailure, () => CollectBetweenPhases(items), ct).ConfigureAwait(false);
                        // The heap is at its smallest here (250k-item list: 36 MB) and what follows grows anew: the writing's pages are given
                        // back rather than kept under the search phase (the server collector's process peaked there at 1.0–1.1 GiB, §13).
                        CollectBetweenPhases(items, giveBack: true);

                        // The co-authorships and the search index are derived from the tables, so they change only when the tables did
                        // (or, the search index, was never built). The co-authorships are counted on a pool thread from here, from the
                        // bylines as the writer wrote them, while the connection makes the indexes, and inserted before the search
                        // entries are made, so the counted pairs are gone by then (250k-item list: docs/benchmarks.md §13).
                        var changed = attempt.Inserted + attempt.Updated + attempt.Deleted > 0;
                        var counting = changed ? CoauthorshipTable.StartCounting(db, attempt.Written, ct) : null;
                        try
                        {
                            if (indexes is not null)
                            {
                                progress?.Report("indexes");
                                await indexes.CreateAsync(ct).ConfigureAwait(false);
                            }

                            if (changed)
                            {
                                progress?.Report("co-authorships");
                                await CoauthorshipTable.RebuildAsync(db, counting, ct).ConfigureAwait(false);
                                // The finished task holds the counted pairs (250k-item list: 98 MB) for as long as it is referenced.
                                counting = null;
                            }
                        }
                        catch when (counting is not null)
                        {
                            // Nothing of the import runs on after its failure, which is the one reported.
                            await counting.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                            throw;
                        }

                        if (changed || !await db.SearchEntries.AnyAsync(ct).ConfigureAwait(false))
                        {
                            progress?.Report("search index");
                            // The links as just written (null where the rows went through EF: read from the tables).
                            await SearchEntries.RewriteAsync(db, attempt.Written, ct).ConfigureAwait(false);
                            await db.Search.IndexEntriesAsync(db, ct).ConfigureAwait(false);
                        }

                        // In the same transaction, so a reader never sees new rows under the old version (HTTP ETags rely on it).
                        if (changed)
                        {
                            await db.DataVersions.Where(v => v.Id == DataVersion.SingletonId)
                                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct).ConfigureAwait(false);
                        }

                        if (firstImport is not null)
                        {
                            progress?.Report("checking keys");
                            await firstImport.CheckAsync(ct).ConfigureAwait(false);
                        }

                        progress?.Report("committing");
                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                    }
                }
                finally
                {
                    if (firstImport is not null) await firstImport.DisposeAsync().ConfigureAwait(false);
                }

                return attempt;
            }, cancellationToken).ConfigureAwait(false);

            var report = new ImportReport
            {
                Sources = graph.SourceReports,
                Conflicts = graph.Conflicts,
                SkippedItems = skipped,
                Papers = papers,
                Authors = authors,
                Codebases = codebases,
                Datasets = datasets,
                Keywords = keywords,
                Links = links,
                Mentions = mentions,
                RowsInserted = writer.Inserted,
                RowsUpdated = writer.Updated,
                RowsDeleted = writer.Deleted,
                Elapsed = clock.Elapsed,
            };
            logger.LogInformation("Imported {Count} lists from {Directory}:{NewLine}{Report}", manifest.Count, seedDirectory, Environment.NewLine, report);
            return report;
        }
    }

    /// <summary>
    /// Begins the import's transaction; on SQLite this already takes the write lock (see <see cref="ImportLock"/>). A first
    /// import on SQLite begins with foreign-key enforcement off and checks every key before it commits (see
    /// <see cref="FirstImportKeys"/>); should another import fill the database while this one waits for the lock, this
    /// one begins again with enforcement on, as any later import, and then finds what the other wrote.
    /// </summary>
    private static async Task<(IDbContextTransaction Transaction, FirstImportKeys? FirstImport)> BeginAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        var firstImport = await FirstImportKeys.SuspendIfEmptyAsync(db, ct).ConfigureAwait(false);
        try
        {
            var transaction = await BeginTransactionAsync(db, ct).ConfigureAwait(false);
            if (firstImport is null || await firstImport.IsStillEmptyAsync(ct).ConfigureAwait(false)) return (transaction, firstImport);
            await transaction.DisposeAsync().ConfigureAwait(false);
            var suspended = firstImport;
            firstImport = null;
            await suspended.DisposeAsync().ConfigureAwait(false);
            return (await BeginTransactionAsync(db, ct).ConfigureAwait(false), null);
        }
        catch
        {
            if (firstImport is not null) await firstImport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<IDbContextTransaction> BeginTransactionAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        }
        catch (DbException e) when (ImportLock.IsBusy(e))
        {
            throw new ImportException($"{ImportLock.Refusal}.", e);
        }
    }

    /// <summary>
    /// Refuses an import that leaves a source empty, takes away more than half of what it held at the last import, or
    /// drops a source from the manifest: far likelier a list replaced by an error page, cut short or left out by mistake
    /// than a list that dropped half its papers.
    /// </summary>
    private static async Task RefuseShrinkAsync(RlhfGraphDbContext db, ImportGraph graph, IReadOnlyList<SeedSource> manifest, CancellationToken ct)
    {
        var before = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        // A source left out of the manifest takes every row only it held with it: the same loss as an emptied list.
        var kept = graph.Sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (before.Values.Where(s => !kept.Contains(s.Name) && s.ItemCount > 0).OrderBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault() is { } removed)
        {
            throw new ImportException($"{SeedManifest.FileName}: refused: source '{removed.Name}' ({removed.FileName}) is no longer listed, "
                + $"so importing would remove the {removed.ItemCount} items it held at the last import; was it left out by mistake? Pass --allow-shrink to remove it.");
        }

        foreach (var source in graph.Sources)
        {
            var had = before.GetValueOrDefault(source.Name)?.ItemCount ?? 0;
            var file = FileOf(manifest, source.Name);
            if (source.ItemCount == 0)
            {
                throw new ImportException($"{file}: refused: the list yields no items{(had > 0 ? $" (it had {had} at the last import)" : "")}, "
                    + "so importing it would leave the source empty; is it an error page or a truncated copy? Pass --allow-shrink to import it anyway.");
            }

            if (had > 0 && source.ItemCount * 2 < had)
            {
                throw new ImportException($"{file}: refused: the list yields {source.ItemCount} items where the last import had {had}, "
                    + $"so importing it would remove {had - source.ItemCount} of them; is it a truncated copy? Pass --allow-shrink to import it anyway.");
            }
        }
    }

    /// <summary>Between phases of a large import: see <see cref="LargeImport"/>.</summary>
    private static void CollectBetweenPhases(int items, bool giveBack = false)
    {
        if (items >= LargeImport.Items) LargeImport.Collect(giveBack);
    }

    /// <summary>Parses every list (they share the cores) and merges them into one graph, which takes the parsed items over.</summary>
    private static async Task<(ImportGraph Graph, List<string> Skipped, int Items)> ReadAsync(string seedDirectory, IReadOnlyList<SeedSource> manifest,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // Lists parse independently; on a large import that is a third of the time, so they share the cores.
        // Task.WhenAll rethrows the first failure in manifest order, so a bad file is reported as before. The tasks return
        // nothing: a finished task keeps its result, and the graph builder must be the only holder of the parsed items.
        var lists = new (Source, ParsedList)[manifest.Count];
        await Task.WhenAll(manifest.Select((entry, i) => Task.Run(() =>
        {
            progress?.Report($"parsing {entry.File}");
            lists[i] = Parse(seedDirectory, entry);
        }, cancellationToken))).ConfigureAwait(false);
        // On from a fresh stack: the frames of the parse that finished last still hold its list's text and bytes (a 105 MB
        // list: 315 MB), which the collection below could not free while they are on the stack.
        await Task.Yield();
        var skipped = lists.SelectMany(l => l.Item2.Skipped).Select(s => $"{FileOf(manifest, s.Source)}:{s.Line}: {s.Reason}").ToList();
        var items = lists.Sum(l => l.Item2.ItemsSeen);
        CollectBetweenPhases(items);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("merging");
        // Its steps are where a cancelled import stops too: the merge of a large list is seconds long (250k items: ≈ 15 s).
        return (GraphBuilder.Build(lists, () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            CollectBetweenPhases(items);
        }), skipped, items);
    }

    private static string FileOf(IReadOnlyList<SeedSource> manifest, string source) =>
        manifest.FirstOrDefault(m => string.Equals(m.Name, source, StringComparison.Ordinal))?.File ?? source;

    private static (Source, ParsedList) Parse(string directory, SeedSource entry)
    {
        var path = Path.Combine(directory, entry.File);
        if (!File.Exists(path)) throw new ImportException($"{entry.File}: listed in {SeedManifest.FileName} but not found in {directory}.");
        var named = string.IsNullOrWhiteSpace(entry.Format) || entry.Format == SeedSource.AutoFormat ? null
            : ListParsers.For(entry.Format)
                ?? throw new ImportException($"{SeedManifest.FileName}: source '{entry.Name}' has unknown format '{entry.Format}' (known: {SeedSource.AutoFormat}, {string.Join(", ", ListParsers.Formats)}).");
        var (text, hash) = Read(path, entry.File);
        var parser = named ?? ListParsers.Detect(text);
        var source = new Source
        {
            Name = entry.Name,
            FileName = entry.File,
            OriginalFileName = entry.OriginalFile,
            Title = entry.Title,
            Format = parser.Format,
            ContentHash = hash,
        };
        return (source, parser.Parse(entry.Name, text));
    }

    /// <summary>
    /// The file's text and hash. Its bytes live only in this frame, so they are garbage before parsing starts (a 105 MB
    /// list's bytes otherwise stay referenced beside its text and every item parsed: docs/benchmarks.md §13).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string Text, string Hash) Read(string path, string file)
    {
        var bytes = File.ReadAllBytes(path);
        return (ListText.Decode(file, bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
