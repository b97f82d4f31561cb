using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// The Coauthorships table is data the importer keeps, not a view: after every import, whether the first, one with a
/// list removed or a byline changed, or one that failed, it holds exactly the pairs the bylines (PaperAuthors) give.
/// </summary>
public abstract class CoauthorshipTableTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    [Fact]
    public async Task AfterASeedImportTheTableHoldsExactlyThePairsTheBylinesGive()
    {
        await using var database = await engine.CreateDatabaseAsync();

        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);

        var (stored, expected) = await ReadAsync(database);
        Assert.True(expected.Count > 1000, $"only {expected.Count} pairs");
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task AfterAReimportWithoutOneListTheTableFollowsTheBylines()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var (before, _) = await ReadAsync(database);
        using var seed = new SeedCopy();
        // The 2024 louieworth list leaves: papers and authors only it named go, and with them their pairs.
        var manifest = JsonNode.Parse(File.ReadAllText(seed.PathOf("sources.json")))!.AsArray();
        manifest.Remove(manifest.Single(s => (string?)s!["name"] == "awesome-rlhf-louieworth-2024"));
        File.WriteAllText(seed.PathOf("sources.json"), manifest.ToJsonString());

        // A list leaving the manifest is a shrink, imported only when asked for.
        var report = await database.CreateImporter().ImportAsync(seed.Directory, new ImportOptions { AllowShrink = true });

        var (stored, expected) = await ReadAsync(database);
        Assert.True(report.RowsDeleted > 0, report.ToString());
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task AfterAReimportWithABylineChangedTheTableFollowsTheBylines()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var (before, _) = await ReadAsync(database);
        using var seed = new SeedCopy();
        seed.AddACoauthorToContrastivePreferenceLearning();

        await database.CreateImporter().ImportAsync(seed.Directory);

        var (stored, expected) = await ReadAsync(database);
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task AnImportThatFailsWhileFillingTheTableLeavesItAsItWas()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var (before, _) = await ReadAsync(database);
        var snapshot = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        seed.AddACoauthorToContrastivePreferenceLearning();
        var failing = new FailOnCoauthorshipFill();

        await Assert.ThrowsAnyAsync<Exception>(() => database.CreateImporter(failing).ImportAsync(seed.Directory));

        Assert.True(failing.Failed, "the import never reached the co-authorship table");
        var (stored, expected) = await ReadAsync(database);
        Assert.Equal(before, stored);
        Assert.Equal(expected, stored);
        Assert.Equal(snapshot, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AnUpgradedDatabaseHasTheTableFilledWithoutAReimport()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var (_, expected) = await ReadAsync(database);
        await using (var db = database.CreateContext())
        {
            // Back to the view (the bylines stay), then forward again: the migration fills the table from them.
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var replacing = migrations.FindIndex(m => m.EndsWith("_ReplaceCoauthorshipsViewByTable", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[replacing - 1]);
            Assert.Equal(expected.Count, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Coauthorships").SingleAsync());
            await migrator.MigrateAsync();
        }

        var (stored, _) = await ReadAsync(database);
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task FilledFromTheCountStartedBeforeTheIndexesTheTableIsWhatTheImportLeft()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var imported = await database.SnapshotAsync();
        var ct = TestContext.Current.CancellationToken;

        // What the importer does: the bylines read and counted on a pool thread (SQLite) while the connection goes on, the
        // count then inserted in place of the table's rows; elsewhere the statement counts.
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counting = CoauthorshipTable.StartCounting(db, null, ct);
            Assert.Equal(database.Provider == DatabaseProvider.Sqlite, counting is not null);
            await CoauthorshipTable.RebuildAsync(db, counting, ct);
            await transaction.CommitAsync(ct);
        }

        Assert.Equal(imported, await database.SnapshotAsync());
        var (stored, expected) = await ReadAsync(database);
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task TheTableIsOneBTreeInReadOrderWithNoForeignKeyAndNoOtherIndex()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await using var db = database.CreateContext();

        // The importer rewrites the table whole: constraints and a second index cost most of that write and guarded
        // nothing (migrations CoauthorshipsKeyedByPairWithoutCoauthorForeignKey, CoauthorshipsClusteredInReadOrder).
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        var foreignKeys = await db.Database.SqlQueryRaw<string>(sqlite
            ? "SELECT \"from\" AS Value FROM pragma_foreign_key_list('Coauthorships')"
            : "SELECT COL_NAME(fc.parent_object_id, fc.parent_column_id) AS Value FROM sys.foreign_key_columns fc WHERE fc.parent_object_id = OBJECT_ID('Coauthorships')").ToListAsync();
        var indexes = await db.Database.SqlQueryRaw<string>(sqlite
            ? "SELECT name AS Value FROM pragma_index_list('Coauthorships') WHERE origin <> 'pk'"
            : "SELECT name AS Value FROM sys.indexes WHERE object_id = OBJECT_ID('Coauthorships') AND is_primary_key = 0 AND name IS NOT NULL").ToListAsync();
        // The key's columns in order, with their direction: the coauthors connection's default order and its keyset.
        var key = await db.Database.SqlQueryRaw<string>(sqlite
            ? "SELECT name || CASE WHEN \"desc\" = 1 THEN ' DESC' ELSE '' END AS Value FROM pragma_index_xinfo((SELECT name FROM pragma_index_list('Coauthorships') WHERE origin = 'pk')) WHERE \"key\" = 1 ORDER BY seqno"
            : "SELECT COL_NAME(ic.object_id, ic.column_id) + CASE WHEN ic.is_descending_key = 1 THEN ' DESC' ELSE '' END AS Value FROM sys.index_columns ic "
                + "JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id WHERE i.object_id = OBJECT_ID('Coauthorships') AND i.is_primary_key = 1 ORDER BY ic.key_ordinal").ToListAsync();

        Assert.Empty(foreignKeys);
        Assert.Empty(indexes);
        Assert.Equal(["AuthorId", "SharedPapers DESC", "CoauthorId"], key);
        if (sqlite)
        {
            // No rowid b-tree beside the primary key's: the table is the primary key (rows in read order).
            var table = await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_schema WHERE type = 'table' AND name = 'Coauthorships'").SingleAsync();
            Assert.EndsWith("WITHOUT ROWID", table.Trim(), StringComparison.Ordinal);
        }
        else
        {
            var clustered = await db.Database.SqlQueryRaw<string>("SELECT type_desc AS Value FROM sys.indexes WHERE object_id = OBJECT_ID('Coauthorships') AND is_primary_key = 1").SingleAsync();
            Assert.Equal("CLUSTERED", clustered);
        }
    }

    /// <summary>The table's rows, and the pairs computed here from PaperAuthors (both directions, shared paper count).</summary>
    private static async Task<(List<(int, int, int)> Stored, List<(int, int, int)> Expected)> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var stored = (await db.Coauthorships.Select(c => new { c.AuthorId, c.CoauthorId, c.SharedPapers }).ToListAsync())
            .Select(c => (c.AuthorId, c.CoauthorId, c.SharedPapers)).Order().ToList();
        var bylines = (await db.PaperAuthors.Select(l => new { l.PaperId, l.AuthorId }).ToListAsync()).GroupBy(l => l.PaperId);
        var expected = bylines
            .SelectMany(b => b.SelectMany(x => b.Where(y => y.AuthorId != x.AuthorId).Select(y => (x.AuthorId, y.AuthorId))))
            .GroupBy(pair => pair)
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Count()))
            .Order().ToList();
        return (stored, expected);
    }

    /// <summary>Fails the statement that fills the table (where no interceptor is registered, SQLite's inserts are the importer's own).</summary>
    private sealed class FailOnCoauthorshipFill : DbCommandInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("INSERT INTO Coauthorships", StringComparison.Ordinal))
            {
                Failed = true;
                throw new InvalidOperationException("injected failure");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SqliteCoauthorshipTableTests(SqliteEngine engine) : CoauthorshipTableTests(engine);

public sealed class SqlServerCoauthorshipTableTests(SqlServerEngine engine) : CoauthorshipTableTests(engine);
