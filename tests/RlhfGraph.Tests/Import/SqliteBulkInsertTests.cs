using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// On SQLite the importer inserts new rows through prepared commands, not SaveChanges. Command interceptors
/// cannot see those, so the fault-injection tests (which register one) take the EF path; these fail the
/// fast path from inside the database instead, with a trigger.
/// </summary>
public sealed class SqliteBulkInsertTests
{
    [Theory]
    [InlineData("Authors")]
    [InlineData("PaperAuthors")]
    [InlineData("Mentions")]
    [InlineData("Coauthorships")]
    [InlineData("SearchEntries")]
    public async Task AnInsertThatFailsHalfWayLeavesTheDatabaseExactlyAsItWas(string table)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            // Lets the first hundred rows in, then refuses: the failure lands in the middle of the table.
            var sql = $"CREATE TRIGGER fail_half_way BEFORE INSERT ON \"{table}\" WHEN (SELECT COUNT(*) FROM \"{table}\") >= 100 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        var before = await database.SnapshotAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory));

        Assert.Contains("injected failure", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task TheFastPathWritesWhatTheEntityFrameworkPathWrites()
    {
        await using var fast = await SqliteTestDatabase.CreateAsync();
        await using var tracked = await SqliteTestDatabase.CreateAsync();

        await fast.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        // Any command interceptor turns the fast path off.
        await tracked.CreateImporter(new PassThrough()).ImportAsync(TestDatabase.SeedDirectory);

        var expected = await tracked.SnapshotAsync();
        var actual = await fast.SnapshotAsync();
        Assert.Empty(expected.Where(t => actual[t.Key] != t.Value).Select(t => $"{t.Key}: {t.Value} / {actual[t.Key]}"));
    }

    [Fact]
    public async Task AConstraintFailureThrowsTheSqliteExceptionACommandWould()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var inserter = new RowInserter(db);
        inserter.Insert([new Author { Key = "ada lovelace", Name = "Ada Lovelace" }]);

        // The inserter drives SQLite itself; a caller must still see what Microsoft.Data.Sqlite throws for the same row.
        var expected = await Assert.ThrowsAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO \"Authors\" (\"Key\", \"Name\", \"Kind\", \"PaperCount\") VALUES ('ada lovelace', 'Ada', 'Person', 0)"));
        var actual = Assert.Throws<SqliteException>(() => inserter.Insert([new Author { Key = "ada lovelace", Name = "Ada" }]));

        Assert.Equal((expected.SqliteErrorCode, expected.SqliteExtendedErrorCode, expected.Message), (actual.SqliteErrorCode, actual.SqliteExtendedErrorCode, actual.Message));
        // The statement was reset and finalized: the transaction goes on.
        inserter.Insert([new Author { Key = "grace hopper", Name = "Grace Hopper" }]);
        Assert.Equal(2, await db.Authors.CountAsync());
    }

    /// <summary>An interceptor that changes nothing.</summary>
    private sealed class PassThrough : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor;
}
