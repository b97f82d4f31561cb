using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A first import on SQLite writes with foreign-key enforcement off and checks every key once before it commits
/// (Import/FirstImportKeys): a dangling key must still fail the import and leave the database as it was, later
/// connections must enforce keys again, and an import into a database with rows keeps enforcement (its deletes cascade).
/// </summary>
public abstract class FirstImportKeysTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    [Fact]
    public async Task AFirstImportThatWouldLeaveADanglingKeyFailsAndLeavesTheDatabaseAsItWas()
    {
        await using var database = await engine.CreateDatabaseAsync();
        var before = await database.SnapshotAsync();
        var dangling = new AddDanglingByline();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => database.CreateImporter(dangling).ImportAsync(TestDatabase.SeedDirectory));

        Assert.True(dangling.Added, "the import never reached the co-authorship table");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Written unchecked, found by the check before the commit: the ids are past the papers' and authors' 1..N.
            var refused = Assert.IsType<ImportException>(failure);
            Assert.Contains("1 in PaperAuthors → Authors, 1 in PaperAuthors → Papers", refused.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.IsAssignableFrom<DbException>(failure);
        }

        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AFirstImportThatDeletesAReferencedRowFailsAndLeavesTheDatabaseAsItWas()
    {
        await using var database = await engine.CreateDatabaseAsync();
        var before = await database.SnapshotAsync();
        // Leaves a gap in the papers' ids, so their keys are checked row by row, and bylines naming the gap.
        var deleting = new AddDanglingByline("DELETE FROM Papers WHERE Id = (SELECT MIN(PaperId) FROM PaperAuthors)");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => database.CreateImporter(deleting).ImportAsync(TestDatabase.SeedDirectory));

        Assert.True(deleting.Added, "the import never reached the co-authorship table");
        if (database.Provider == DatabaseProvider.Sqlite) Assert.Matches(@"\d+ in PaperAuthors → Papers", Assert.IsType<ImportException>(failure).Message);
        else Assert.IsAssignableFrom<DbException>(failure);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AfterAFirstImportEveryKeyHoldsAndConnectionsEnforceKeysAgain()
    {
        await using var database = await engine.CreateDatabaseAsync();
        // On SQLite through pooled connections, as the app has them: the import's connection is the next context's.
        var contexts = database is SqliteTestDatabase sqlite ? sqlite.CreatePooledContexts() : database.Contexts;
        await new Importer(contexts, NullLogger<Importer>.Instance).ImportAsync(TestDatabase.SeedDirectory);
        await using var db = await contexts.CreateDbContextAsync();

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Empty(await db.Database.SqlQueryRaw<string>("""SELECT "table" AS Value FROM pragma_foreign_key_check""").ToListAsync());
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync());
        }

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(AddDanglingByline.Sql));
    }

    [Fact]
    public async Task AnImportIntoADatabaseWithRowsWritesWithKeysEnforced()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        File.AppendAllText(seed.PathOf("awesome-rlhf-louieworth-2024.md"), "\n- [A paper added to force a write](https://arxiv.org/abs/2412.99999)\n");
        var dangling = new AddDanglingByline();

        // Refused by the database at the insert itself, not by the check at the end.
        await Assert.ThrowsAnyAsync<DbException>(() => database.CreateImporter(dangling).ImportAsync(seed.Directory));

        Assert.True(dangling.Added, "the import never reached the co-authorship table");
        Assert.Equal(before, await database.SnapshotAsync());
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (by default: inserts a byline naming no paper and no author) in the import's
    /// transaction, just before the co-authorships are rebuilt.
    /// </summary>
    private sealed class AddDanglingByline(string sql = AddDanglingByline.Sql) : DbCommandInterceptor
    {
        public const string Sql = "INSERT INTO PaperAuthors (PaperId, AuthorId, Position) VALUES (2147483000, 2147483000, 0)";

        public bool Added { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("INSERT INTO Coauthorships", StringComparison.Ordinal))
            {
                Added = true;
                await using var orphan = command.Connection!.CreateCommand();
                orphan.Transaction = command.Transaction;
                orphan.CommandText = sql;
                await orphan.ExecuteNonQueryAsync(cancellationToken);
            }

            return await base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SqliteFirstImportKeysTests(SqliteEngine engine) : FirstImportKeysTests(engine);

public sealed class SqlServerFirstImportKeysTests(SqlServerEngine engine) : FirstImportKeysTests(engine);
