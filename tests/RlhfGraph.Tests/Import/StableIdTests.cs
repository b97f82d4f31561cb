using System.Text;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A paper, author, codebase or dataset that leaves the lists and comes back gets its old id, and so its old global
/// id (HotChocolate's Base64 "Type:id", see NodeTests): the real seeds are imported, then a copy with every Markdown
/// list cut to its first half (which drops entities of all four kinds), then the real seeds again.
/// </summary>
public abstract class StableIdTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    private static readonly (string Type, string Field)[] Kinds = [("Paper", "title"), ("Author", "name"), ("Codebase", "name"), ("Dataset", "name")];

    [Fact]
    public async Task EntitiesThatLeaveAndComeBackGetTheirOldGlobalIdsAndNodeResolvesThem()
    {
        await using var api = new Api(engine);
        await api.InitializeAsync();
        var first = await IdsAsync(api.Database);
        using var shrunk = HalvedSeed();

        await api.Database.CreateImporter().ImportAsync(shrunk.Directory, new ImportOptions { AllowShrink = true });
        var during = await IdsAsync(api.Database);
        // One entity of each kind that the halved lists no longer hold, as a client saw it before it left.
        var gone = new List<(string Type, string Field, string GlobalId, string Shown)>();
        foreach (var (type, field) in Kinds)
        {
            var (key, id) = first[type].First(e => !during[type].ContainsKey(e.Key));
            var globalId = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}"));
            Assert.Null((await NodeAsync(api, type, field, globalId)).Data["node"]);
            gone.Add((type, field, globalId, key));
        }

        await api.Database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var after = await IdsAsync(api.Database);

        foreach (var (type, field, globalId, key) in gone)
        {
            var node = (await NodeAsync(api, type, field, globalId)).ShouldSucceed().Data["node"];
            Assert.True(node is not null, $"{type} {key}: {globalId} does not resolve after it came back");
            Assert.Equal(globalId, (string)node["id"]!);
            Assert.Equal(first[type][key], after[type][key]);
        }

        // Not only the four: every entity of the first import has its first id again, and none lost its place.
        foreach (var (type, _) in Kinds) Assert.Equal(first[type].OrderBy(e => e.Key, StringComparer.Ordinal), after[type].OrderBy(e => e.Key, StringComparer.Ordinal));
        AssertNoIdServedTwoKeys(first, during, after);
    }

    [Fact]
    public async Task IdsComeBackOnTheSaveChangesPathToo()
    {
        // Any command interceptor turns off SQLite's prepared-insert path (RowInserter), so EF inserts the explicit ids.
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter(new CommandCounter()).ImportAsync(TestDatabase.SeedDirectory);
        var first = await IdsAsync(database);
        using var shrunk = HalvedSeed();

        await database.CreateImporter(new CommandCounter()).ImportAsync(shrunk.Directory, new ImportOptions { AllowShrink = true });
        var during = await IdsAsync(database);
        var again = await database.CreateImporter(new CommandCounter()).ImportAsync(TestDatabase.SeedDirectory);
        var after = await IdsAsync(database);

        Assert.True(again.RowsInserted > 0, again.ToString());
        foreach (var (type, _) in Kinds)
        {
            Assert.Contains(first[type], e => !during[type].ContainsKey(e.Key));
            Assert.Equal(first[type].OrderBy(e => e.Key, StringComparer.Ordinal), after[type].OrderBy(e => e.Key, StringComparer.Ordinal));
        }

        AssertNoIdServedTwoKeys(first, during, after);
    }

    [Fact]
    public async Task ARetiredIdIsNeverGivenToAnotherEntity()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var first = await IdsAsync(database);
        using var shrunk = HalvedSeed();
        await database.CreateImporter().ImportAsync(shrunk.Directory, new ImportOptions { AllowShrink = true });
        var retired = await IdsAsync(database);

        // The halved copy plus one paper no list ever had: it is new, so it takes a new id, not one the halving retired.
        File.AppendAllText(shrunk.PathOf("awesome-llm-training.md"), "\n## Papers\n\n- [A Paper That No List Has Held Before](https://arxiv.org/abs/2999.01234)\n");
        await database.CreateImporter().ImportAsync(shrunk.Directory, new ImportOptions { AllowShrink = true });
        var later = await IdsAsync(database);

        var newcomer = Assert.Single(later["Paper"], e => !first["Paper"].ContainsKey(e.Key) && !retired["Paper"].ContainsKey(e.Key));
        Assert.DoesNotContain(newcomer.Value, first["Paper"].Values);
        Assert.DoesNotContain(newcomer.Value, retired["Paper"].Values);
        AssertNoIdServedTwoKeys(first, retired, later);
    }

    /// <summary>Across every state the database went through, each id of a kind belonged to one key only.</summary>
    private static void AssertNoIdServedTwoKeys(params Dictionary<string, Dictionary<string, int>>[] states)
    {
        foreach (var (type, _) in Kinds)
        {
            var reused = states.SelectMany(s => s[type]).Distinct().GroupBy(e => e.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(" | ", g.Select(e => e.Key))}").ToList();
            Assert.True(reused.Count == 0, $"{type} ids given to two keys: {string.Join("; ", reused.Take(5))}");
        }
    }

    private static Task<GraphQLResponse> NodeAsync(ApiFactory api, string type, string field, string id) =>
        api.PostAsync($"query ($id: ID!) {{ node(id: $id) {{ id ... on {type} {{ {field} }} }} }}", new { id });

    /// <summary>Each Markdown list cut to the first half of its lines; the one-line flattened list stays whole.</summary>
    private static SeedCopy HalvedSeed()
    {
        var seed = new SeedCopy();
        foreach (var file in Directory.GetFiles(seed.Directory, "*.md"))
        {
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(file, lines.Take(lines.Length / 2));
        }

        return seed;
    }

    private static async Task<Dictionary<string, Dictionary<string, int>>> IdsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal)
        {
            ["Paper"] = await db.Papers.ToDictionaryAsync(p => p.Key, p => p.Id, StringComparer.Ordinal),
            ["Author"] = await db.Authors.ToDictionaryAsync(a => a.Key, a => a.Id, StringComparer.Ordinal),
            ["Codebase"] = await db.Codebases.ToDictionaryAsync(c => c.Key, c => c.Id, StringComparer.Ordinal),
            ["Dataset"] = await db.Datasets.ToDictionaryAsync(d => d.Key, d => d.Id, StringComparer.Ordinal),
        };
    }

    /// <summary>The API over its own database, which this test re-imports.</summary>
    private sealed class Api(DatabaseEngine engine) : ApiFactory(engine);
}

public sealed class SqliteStableIdTests(SqliteEngine engine) : StableIdTests(engine);

public sealed class SqlServerStableIdTests(SqlServerEngine engine) : StableIdTests(engine);
