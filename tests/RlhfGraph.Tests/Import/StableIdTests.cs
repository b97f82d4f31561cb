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
            var (key, id) = first[type].First(e => !during[type].ContainsValue(e.Value));
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
        await AssertIdsFollowKeysAsync(api.Database, first, during, after);
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
            Assert.Contains(first[type], e => !during[type].ContainsValue(e.Value));
            Assert.Equal(first[type].OrderBy(e => e.Key, StringComparer.Ordinal), after[type].OrderBy(e => e.Key, StringComparer.Ordinal));
        }

        await AssertIdsFollowKeysAsync(database, first, during, after);
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

        var newcomer = Assert.Single(later["Paper"], e => e.Key == "arxiv:2999.01234");
        Assert.DoesNotContain(newcomer.Value, first["Paper"].Values);
        Assert.DoesNotContain(newcomer.Value, retired["Paper"].Values);
        await AssertIdsFollowKeysAsync(database, first, retired, later);
    }

    public static TheoryData<string> Lists => ["awesome-rlhf-louieworth-2024", "awesome-rlhf-opendilab-2023", "awesome-offline-rl-louieworth", "awesome-rlhf-opendilab-2025", "awesome-llm-training"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryEntityThatRemainsKeepsItsIdWhileAListIsRemovedAndAllGetTheirIdsBackWhenItReturns(string removed)
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var first = await IdsAsync(database);
        var firstMentions = await MentionsAsync(database);
        var firstSpellings = await AuthorSpellingsAsync(database);
        using var seed = new SeedCopy();
        seed.Unlist(removed);

        await database.CreateImporter().ImportAsync(seed.Directory, new ImportOptions { AllowShrink = true });
        var during = await IdsAsync(database);
        var duringMentions = await MentionsAsync(database);

        // Every item of the lists that stayed names the very same papers, codebases and datasets as before: all of them,
        // including the papers whose arXiv id (and so their Key) came from the removed list's link. The one exception is
        // an entity the removed list held together (its item was the only link between two others'): it splits in two,
        // and one part keeps the id, so no id an item of a remaining list named is gone.
        var kept = firstMentions.Where(m => m.Key.Source != removed).ToList();
        Assert.NotEmpty(kept);
        var alive = duringMentions.SelectMany(m => m.Value.Split(',').Select(id => (m.Key.Kind, id))).ToHashSet();
        var moved = kept.Where(m => !duringMentions.TryGetValue(m.Key, out var now) || now != m.Value)
            .Where(m => m.Value.Split(',').Any(id => !alive.Contains((m.Key.Kind, id))))
            .Select(m => $"{m.Key}: {m.Value} → {duringMentions.GetValueOrDefault(m.Key)}").ToList();
        Assert.True(moved.Count == 0, $"{moved.Count} items of the remaining lists point at other ids: {string.Join("; ", moved.Take(10))}");
        var split = kept.Count(m => duringMentions.GetValueOrDefault(m.Key) != m.Value);
        Assert.True(split <= 2, $"{split} items of the remaining lists now name a part split off what they named");
        foreach (var (type, _) in Kinds)
        {
            var changed = during[type].Where(e => first[type].TryGetValue(e.Key, out var id) && id != e.Value).Select(e => e.Key).ToList();
            Assert.True(changed.Count == 0, $"{type}: {string.Join(", ", changed.Take(10))} changed ids under the same key");
        }

        // An author whose display spelling came from the removed list is still the author of its other spellings.
        var renamed = during["Author"].Where(e => !first["Author"].ContainsKey(e.Key) && firstSpellings.TryGetValue(e.Key, out var id) && id != e.Value).Select(e => e.Key).ToList();
        Assert.True(renamed.Count == 0, $"authors that got a new id under a spelling they had: {string.Join(", ", renamed)}");

        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var after = await IdsAsync(database);

        foreach (var (type, _) in Kinds) Assert.Equal(first[type].OrderBy(e => e.Key, StringComparer.Ordinal), after[type].OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(firstMentions, await MentionsAsync(database));
        await AssertIdsFollowKeysAsync(database, first, during, after);
    }

    /// <summary>
    /// Across every state the database went through, an id that served two Keys did so because its entity kept a key:
    /// each Key it served is its Key now, or one its row says (a paper's arXiv id, title key), or one the identity table
    /// remembers for it. A retired id is thus never given to an entity that shares no key with it.
    /// </summary>
    private static async Task AssertIdsFollowKeysAsync(TestDatabase database, params Dictionary<string, Dictionary<string, int>>[] states)
    {
        await using var db = database.CreateContext();
        var remembered = (await db.IdentityKeys.Select(k => new { k.Kind, k.Key, k.EntityId }).ToListAsync())
            .Select(k => (k.Kind, k.Key.ToLowerInvariant(), k.EntityId)).ToHashSet();
        var papers = await db.Papers.Select(p => new { p.Id, p.ArxivId, p.TitleKey }).ToDictionaryAsync(p => p.Id);
        var now = await IdsAsync(database);
        foreach (var (type, _) in Kinds)
        {
            var current = now[type].ToDictionary(e => e.Value, e => e.Key);
            var unexplained = states.SelectMany(s => s[type]).Distinct().GroupBy(e => e.Value).Where(g => g.Count() > 1)
                .SelectMany(g => g.Where(e => !Explained(type, e.Key, g.Key)).Select(e => $"{g.Key}: {e.Key} (now {current.GetValueOrDefault(g.Key) ?? "gone"})"))
                .ToList();
            Assert.True(unexplained.Count == 0, $"{type} ids that served keys they do not hold: {string.Join("; ", unexplained.Take(5))}");

            bool Explained(string kind, string key, int id) =>
                current.GetValueOrDefault(id) == key
                || remembered.Contains((kind, key.ToLowerInvariant(), id))
                || (kind == "Paper" && papers.TryGetValue(id, out var paper) && (key == $"arxiv:{paper.ArxivId}" || key == $"title:{paper.TitleKey}"));
        }
    }

    /// <summary>Each item (list, line, column) → the ids of what it names, per kind.</summary>
    private static async Task<Dictionary<(string Source, int Line, int? Column, string Kind), string>> MentionsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var mentions = await db.Mentions.Select(m => new { m.Source!.Name, m.Line, m.Column, m.PaperId, m.CodebaseId, m.DatasetId }).ToListAsync();
        return mentions
            .Select(m => (Key: (m.Name, m.Line, m.Column, Kind: m.PaperId is not null ? "Paper" : m.CodebaseId is not null ? "Codebase" : "Dataset"), Id: m.PaperId ?? m.CodebaseId ?? m.DatasetId ?? 0))
            .GroupBy(m => m.Key)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(m => m.Id).Distinct().Order()));
    }

    /// <summary>Every spelling of every author (its Key and its aliases, folded as keys are) → its id.</summary>
    private static async Task<Dictionary<string, int>> AuthorSpellingsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var author in await db.Authors.Select(a => new { a.Id, a.Key }).ToListAsync()) spellings.TryAdd(author.Key, author.Id);
        foreach (var alias in await db.AuthorAliases.Select(a => new { a.AuthorId, a.Name }).ToListAsync())
            spellings.TryAdd(RlhfGraph.Persistence.Import.Normalization.PersonName.Key(alias.Name), alias.AuthorId);
        return spellings;
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
