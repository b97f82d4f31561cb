using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>Idempotence, atomicity and incremental updates, each on a fresh real database of the engine.</summary>
public abstract class ImportTransactionTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    [Fact]
    public async Task ImportingTheSameListsTwiceWritesNothingTheSecondTime()
    {
        await using var database = await engine.CreateDatabaseAsync();
        var first = await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();

        var second = await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);

        Assert.True(first.RowsInserted > 1000, first.ToString());
        Assert.Equal((0, 0, 0), (second.RowsInserted, second.RowsUpdated, second.RowsDeleted));
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task TheDataVersionGoesUpOnceForEachImportThatChangedSomethingAndNeverOtherwise()
    {
        await using var database = await engine.CreateDatabaseAsync();
        async Task<long> VersionAsync()
        {
            await using var db = database.CreateContext();
            return await db.DataVersions.Select(v => v.Version).SingleAsync();
        }

        Assert.Equal(0, await VersionAsync());
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        Assert.Equal(1, await VersionAsync());
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        Assert.Equal(1, await VersionAsync());

        using var seed = new SeedCopy();
        seed.Replace("awesome-rlhf-opendilab-2023.md", "  - Env: Atari, MuJoCo", "  - Env: Atari, MuJoCo, Procgen");
        var failing = database.CreateImporter(new FailOnNthWrite(2));
        await Assert.ThrowsAnyAsync<Exception>(() => failing.ImportAsync(seed.Directory));
        Assert.Equal(1, await VersionAsync());

        await database.CreateImporter().ImportAsync(seed.Directory);
        Assert.Equal(2, await VersionAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFailureHalfWayThroughWritingLeavesTheDatabaseExactlyAsItWas(bool alreadySeeded)
    {
        await using var database = await engine.CreateDatabaseAsync();
        using var seed = new SeedCopy();
        if (alreadySeeded)
        {
            await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
            // A changed list makes the second import write to several tables before it fails.
            seed.Replace("awesome-rlhf-louieworth-2024.md", "Direct Preference Optimization: Your Language Model", "Direct Preference Optimisation: Your Language Model");
            seed.Replace("awesome-rlhf-opendilab-2023.md", "  - Env: Atari, MuJoCo", "  - Env: Atari, MuJoCo, Procgen");
        }

        var before = await database.SnapshotAsync();
        var failing = new FailOnNthWrite(alreadySeeded ? 2 : 6);
        var importer = database.CreateImporter(failing);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync(seed.Directory));

        Assert.Equal("injected failure", (error.InnerException ?? error).Message);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AListThatIsNotUtf8FailsWithItsFileAndLineAndChangesNothing()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        var path = seed.PathOf("awesome-llm-training.md");
        var bytes = File.ReadAllBytes(path).ToList();
        var thirdLine = bytes.FindIndex(bytes.FindIndex(b => b == '\n') + 1, b => b == '\n') + 1;
        bytes.Insert(thirdLine, 0xFF);
        File.WriteAllBytes(path, [.. bytes]);

        var error = await Assert.ThrowsAsync<ImportException>(() => database.CreateImporter().ImportAsync(seed.Directory));

        Assert.StartsWith("awesome-llm-training.md:3:", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task ReimportingAfterAListChangedUpdatesWhatChangedAndKeepsEveryOtherId()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        using var seed = new SeedCopy();
        // 004: Zephyr's citation count goes from 1 to 42.
        seed.Replace("awesome-llm-training.md", "cication: [**1**](https://scholar.google.com/scholar?cites=5826276281263581161", "cication: [**42**](https://scholar.google.com/scholar?cites=5826276281263581161");
        Dictionary<string, int> idsBefore;
        await using (var db = database.CreateContext())
            idsBefore = await db.Papers.ToDictionaryAsync(p => p.Key, p => p.Id);

        var report = await database.CreateImporter().ImportAsync(seed.Directory);

        await using var after = database.CreateContext();
        Assert.Equal(42, (await after.Papers.SingleAsync(p => p.ArxivId == "2310.16944")).CitationCount);
        Assert.Equal(idsBefore, await after.Papers.ToDictionaryAsync(p => p.Key, p => p.Id));
        // The paper row and the source's content hash.
        Assert.Equal((0, 2, 0), (report.RowsInserted, report.RowsUpdated, report.RowsDeleted));
    }

    [Fact]
    public async Task TwoImportsStartedTogetherTakeTurnsAndLeaveWhatOneImportLeaves()
    {
        await using var reference = await engine.CreateDatabaseAsync();
        await reference.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        await using var database = await engine.CreateDatabaseAsync();
        var overlap = new Overlap();

        // The first import stops at its first write until the second has begun its transaction, so they overlap.
        var first = database.CreateImporter(overlap.First).ImportAsync(TestDatabase.SeedDirectory);
        await overlap.FirstIsWriting.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var second = database.CreateImporter(overlap.Second).ImportAsync(TestDatabase.SeedDirectory);
        var reports = await Task.WhenAll(first, second);

        Assert.True(reports[0].RowsInserted > 1000, reports[0].ToString());
        // The second waited for the first's commit and then diffed against it: nothing left to write.
        Assert.Equal((0, 0, 0), (reports[1].RowsInserted, reports[1].RowsUpdated, reports[1].RowsDeleted));
        Assert.Equal(await reference.SnapshotAsync(), await database.SnapshotAsync());
    }

    /// <summary>Holds the first import at its first write until the second import is starting its transaction.</summary>
    private sealed class Overlap
    {
        public TaskCompletionSource FirstIsWriting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SecondIsBeginning { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DbCommandInterceptor First => new HoldFirstWrite(this);

        public DbTransactionInterceptor Second => new SignalBegin(this);

        private sealed class HoldFirstWrite(Overlap overlap) : DbCommandInterceptor
        {
            public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                if (command.CommandText.Contains("INSERT", StringComparison.Ordinal) && overlap.FirstIsWriting.TrySetResult())
                {
                    await overlap.SecondIsBeginning.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
                    // Time for the second's BEGIN (or lock request) to reach the database and be made to wait.
                    await Task.Delay(500, cancellationToken);
                }

                return result;
            }
        }

        private sealed class SignalBegin(Overlap overlap) : DbTransactionInterceptor
        {
            public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
            {
                overlap.SecondIsBeginning.TrySetResult();
                return ValueTask.FromResult(result);
            }
        }
    }

    /// <summary>Lets writes through until the Nth, which fails, as a crash half-way would.</summary>
    private sealed class FailOnNthWrite(int n) : DbCommandInterceptor
    {
        private int _writes;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsWrite(command) && ++_writes >= n) throw new InvalidOperationException("injected failure");
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (IsWrite(command) && ++_writes >= n) throw new InvalidOperationException("injected failure");
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private static bool IsWrite(DbCommand command) =>
            command.CommandText.Contains("INSERT", StringComparison.Ordinal) || command.CommandText.Contains("UPDATE", StringComparison.Ordinal)
            || command.CommandText.Contains("DELETE", StringComparison.Ordinal);
    }
}

public sealed class SqliteImportTransactionTests(SqliteEngine engine) : ImportTransactionTests(engine);

public sealed class SqlServerImportTransactionTests(SqlServerEngine engine) : ImportTransactionTests(engine);
