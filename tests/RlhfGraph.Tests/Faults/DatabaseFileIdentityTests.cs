using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Faults;

/// <summary>
/// A SQLite file deleted, or replaced by a freshly migrated and seeded one, under an API whose connections are pooled
/// (the default, and what kept the old file alive; issue 18 case 3): readiness is unhealthy while no file is there,
/// and the next probe or request after a new file appears reads the new file, not the deleted one.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class DatabaseFileIdentityTests(SqliteApiFactory api) : IDisposable
{
    private const string Count = "{ stats { paperCount } }";

    private readonly string _directory = Directory.CreateTempSubdirectory("rlhfgraph-identity-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<int> PaperCountAsync(HttpClient client)
    {
        using var request = ApiFactory.GraphQLRequest(Count);
        var response = (await api.SendAsync(request, client)).ShouldSucceed();
        return (int)response.Data["stats"]!["paperCount"]!;
    }

    private static async Task<int> ReadyAsync(HttpClient client)
    {
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (int)ready.StatusCode;
    }

    /// <summary>A database migrated and seeded with one list only, elsewhere, as `migrate` and `seed` would make it.</summary>
    private async Task<string> SmallerDatabaseAsync()
    {
        const string Kept = "awesome-offline-rl-louieworth.md";
        var file = Path.Combine(_directory, "next.db");
        var options = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(options, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), new DatabaseOptions());
        await using (var db = new SqliteRlhfGraphDbContext(options.Options)) await db.Database.MigrateAsync();
        using var seed = new SeedCopy();
        foreach (var list in Directory.GetFiles(seed.Directory).Where(f => !f.EndsWith(Kept, StringComparison.Ordinal) && !f.EndsWith("sources.json", StringComparison.Ordinal)))
            File.Delete(list);
        var sources = Path.Combine(seed.Directory, "sources.json");
        var kept = JsonNode.Parse(await File.ReadAllTextAsync(sources))!.AsArray()
            .Where(s => (string?)s!["file"] == Kept).Select(s => s!.DeepClone()).ToArray();
        await File.WriteAllTextAsync(sources, new JsonArray(kept).ToJsonString());
        var test = new SqliteFileDatabase(file);
        await test.CreateImporter().ImportAsync(seed.Directory);
        return file;
    }

    [Fact]
    public async Task ADeletedFileIsUnreadyAndAFileSeededInItsPlaceIsServedAtOnce()
    {
        var file = Path.Combine(_directory, "graph.db");
        File.Copy(new SqliteConnectionStringBuilder(api.Database.ConnectionString).DataSource, file);
        var next = await SmallerDatabaseAsync();
        await using var host = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:RlhfGraph", $"Data Source={file}"));
        using var client = host.CreateClient();
        var before = await PaperCountAsync(client);
        var readyBefore = await ReadyAsync(client);

        File.Delete(file);
        var readyWithoutFile = await ReadyAsync(client);
        File.Move(next, file);
        var readyAfter = await ReadyAsync(client);
        var after = await PaperCountAsync(client);

        Assert.Equal(200, readyBefore);
        Assert.Equal(503, readyWithoutFile);
        Assert.Equal(200, readyAfter);
        Assert.InRange(after, 1, before / 2);
    }

    [Fact]
    public async Task AFileReplacedAtThePathIsReadByTheNextRequestWithoutAProbe()
    {
        var file = Path.Combine(_directory, "graph.db");
        File.Copy(new SqliteConnectionStringBuilder(api.Database.ConnectionString).DataSource, file);
        var next = await SmallerDatabaseAsync();
        await using var host = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:RlhfGraph", $"Data Source={file}"));
        using var client = host.CreateClient();
        var before = await PaperCountAsync(client);
        var identity = SqliteFileIdentity.Of(file);

        File.Move(next, file, overwrite: true);

        Assert.NotEqual(identity, SqliteFileIdentity.Of(file));
        Assert.InRange(await PaperCountAsync(client), 1, before / 2);
    }

    /// <summary>An existing SQLite file as a <see cref="TestDatabase"/>, for its importer.</summary>
    private sealed class SqliteFileDatabase(string file) : TestDatabase(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString())
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override IDbContextFactory<RlhfGraphDbContext> CreateContexts(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
        {
            var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
            DatabaseProviders.ConfigureSqlite(builder, ConnectionString, new DatabaseOptions());
            builder.AddInterceptors(interceptors);
            return new Factory<SqliteRlhfGraphDbContext>(builder.Options, o => new SqliteRlhfGraphDbContext(o));
        }

        public override void AddInterceptor(Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor)
        {
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
