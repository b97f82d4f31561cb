using System.Text;
using RlhfGraph.Tests.Infrastructure;
using RlhfGraph.Tests.Limits;

namespace RlhfGraph.Tests.Conformance;

/// <summary>
/// One test per HotChocolate convention a client written for a HotChocolate 14/15 server relies on, over real HTTP
/// against the seeded database. Each cites the HotChocolate (ChilliCream/graphql-platform) file whose rule it encodes.
/// </summary>
public abstract class HotChocolateConformanceTests(ApiFactory api) : DatabaseTests(api)
{
    /// <summary>The graph's headline traversal, written naturally with default page sizes (issue 11, point 8).</summary>
    public const string FourLevelTraversal = """
        query AuthorCodeDatasets {
          authors(where: { name: { eq: "Dorsa Sadigh" } }) {
            nodes { papers(first: 20) { nodes { title codebases { nodes { url datasets { nodes { name } } } } } } }
          }
        }
        """;

    // src/HotChocolate/Data/src/Data/Filters/Convention/FilterConventionDescriptorExtensions.cs (AddDefaultOperations):
    // the operation inputs and their operator names, and/or on every filter object.
    [Fact]
    public async Task FilterInputsHaveHotChocolatesNamesAndOperators()
    {
        async Task<List<string>> FieldsOf(string type) =>
            [.. (await api.PostAsync($"{{ __type(name: \"{type}\") {{ inputFields {{ name }} }} }}")).ShouldSucceed()
                .Data["__type"]!["inputFields"]!.AsArray().Select(f => (string)f!["name"]!)];

        Assert.Equal(["and", "or", "eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"], await FieldsOf("StringOperationFilterInput"));
        Assert.Equal(["and", "or", "eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"], await FieldsOf("IntOperationFilterInput"));
        Assert.Equal(["eq", "neq", "in", "nin"], await FieldsOf("IdOperationFilterInput"));
        Assert.Equal(["all", "none", "some", "any"], await FieldsOf("ListFilterInputTypeOfAuthorFilterInput"));
        var paper = await FieldsOf("PaperFilterInput");
        Assert.Equal(["and", "or", "id"], paper[..3]);
        Assert.Contains("mentions", paper);
        Assert.Contains("sources", paper);
    }

    // src/HotChocolate/Data/src/Data/Filters/Convention/FilterConvention.cs infers IdOperationFilterInput for [ID] members;
    // src/HotChocolate/Data/test/Data.Filters.Tests/Types/IdFilterTypeInterceptorTests.cs: global ids in, eq/neq/in/nin.
    [Fact]
    public async Task IdFiltersTakeGlobalIdsInLiteralsAndVariablesOnRootsAndLists()
    {
        var papers = (await api.PostAsync("{ papers(first: 3) { nodes { id title authors(first: 1) { nodes { id } } } } }")).ShouldSucceed().Data["papers"]!["nodes"]!.AsArray();
        var (first, second) = ((string)papers[0]!["id"]!, (string)papers[1]!["id"]!);

        var inLiteral = (await api.PostAsync($$"""{ papers(where: { id: { in: ["{{first}}", "{{second}}"] } }) { totalCount nodes { id } } }""")).ShouldSucceed();
        var eqVariable = (await api.PostAsync("query ($id: ID!) { papers(where: { id: { eq: $id } }) { nodes { title } } }", new { id = first })).ShouldSucceed();
        var nin = (await api.PostAsync("query ($ids: [ID]) { all: papers { totalCount } rest: papers(where: { id: { nin: $ids } }) { totalCount } }", new { ids = new[] { first, second } })).ShouldSucceed();
        var author = (string)papers[0]!["authors"]!["nodes"]![0]!["id"]!;
        var byAuthor = (await api.PostAsync("query ($id: ID!) { papers(where: { authors: { some: { id: { eq: $id } } } }) { nodes { id } } }", new { id = author })).ShouldSucceed();
        var otherType = (await api.PostAsync("query ($id: ID!) { papers(where: { id: { eq: $id } }) { totalCount } }", new { id = author })).ShouldSucceed();
        var malformed = await api.PostAsync("""{ papers(where: { id: { eq: "not an id" } }) { totalCount } }""");

        Assert.Equal(2, (int)inLiteral.Data["papers"]!["totalCount"]!);
        Assert.Equal((string)papers[0]!["title"]!, (string)eqVariable.Data["papers"]!["nodes"]![0]!["title"]!);
        Assert.Equal((int)nin.Data["all"]!["totalCount"]! - 2, (int)nin.Data["rest"]!["totalCount"]!);
        Assert.Contains(first, byAuthor.Data["papers"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(0, (int)otherType.Data["papers"]!["totalCount"]!);
        Assert.Equal("INVALID_FILTER", malformed.Code);
        Assert.Null(malformed.Data["papers"]);
    }

    // src/HotChocolate/Data/src/Data/Sorting/Convention/SortConvention.cs binds every field, the id included, to SortEnumType.
    [Fact]
    public async Task EveryEntitySortsByIdAndHasOfficialCodeSorts()
    {
        var ascending = (await api.PostAsync("{ papers(first: 5) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        var descending = (await api.PostAsync("{ papers(first: 5, order: { id: DESC }) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]!.AsArray().Select(n => Number((string)n!["id"]!)).ToList();
        var official = (await api.PostAsync("{ papers(first: 3, order: [{ hasOfficialCode: DESC }]) { nodes { hasOfficialCode } } }")).ShouldSucceed();

        Assert.Equal(ascending.Select(Number).Order(), ascending.Select(Number));
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending.Select(Number).Max());
        Assert.All(official.Data["papers"]!["nodes"]!.AsArray(), n => Assert.True((bool)n!["hasOfficialCode"]!));
    }

    // src/HotChocolate/Data/src/Data/Sorting/Visitor/SortVisitor.cs visits the fields of a sort object as written;
    // src/HotChocolate/Data/test/Data.Sorting.Tests (QueryableSortVisitorObjectTests): several keys in one object.
    [Fact]
    public async Task SortKeysInOneObjectApplyInTheOrderWrittenInLiteralsAndVariables()
    {
        const string Selection = "nodes { year title }";
        var listForm = (await api.PostAsync($"{{ papers(first: 30, where: {{ year: {{ neq: null }} }}, order: [{{ year: DESC }}, {{ title: ASC }}]) {{ {Selection} }} }}")).ShouldSucceed().Data["papers"]!.ToJsonString();
        var oneObject = (await api.PostAsync($"{{ papers(first: 30, where: {{ year: {{ neq: null }} }}, order: {{ year: DESC, title: ASC }}) {{ {Selection} }} }}")).ShouldSucceed().Data["papers"]!.ToJsonString();
        var variable = (await api.PostAsync($"query ($o: [PaperSortInput!]) {{ papers(first: 30, where: {{ year: {{ neq: null }} }}, order: $o) {{ {Selection} }} }}",
            new Dictionary<string, object> { ["o"] = new[] { new Dictionary<string, string> { ["year"] = "DESC", ["title"] = "ASC" } } })).ShouldSucceed().Data["papers"]!.ToJsonString();
        var titleFirst = (await api.PostAsync($"{{ papers(first: 30, where: {{ year: {{ neq: null }} }}, order: {{ title: ASC, year: DESC }}) {{ {Selection} }} }}")).ShouldSucceed().Data["papers"]!["nodes"]!.AsArray();

        Assert.Equal(listForm, oneObject);
        Assert.Equal(listForm, variable);
        var titles = titleFirst.Select(n => (string)n!["title"]!).ToList();
        Assert.Equal(titles.Order(StringComparer.OrdinalIgnoreCase), titles);
    }

    // src/HotChocolate/Core/src/Types.CursorPagination/ConnectionType.cs and PagingObjectFieldDescriptorExtensions.cs:
    // the connection field is nullable (a paging error nulls only it), edges/nodes are nullable lists of non-null items.
    [Fact]
    public async Task ConnectionsAreNullableSoABadPageSizeNullsOnlyThatField()
    {
        var root = await api.PostAsync("{ bad: papers(first: -1) { totalCount } good: sources { name } }");
        var nested = await api.PostAsync("{ papers(first: 2) { nodes { title authors(first: 1000) { totalCount } } } }");

        Assert.Null(root.Data["bad"]);
        Assert.NotEmpty(root.Data["good"]!.AsArray());
        Assert.Equal("HC0079", root.Code);  // ErrorCodes.Paging.MinPaginationItems in src/HotChocolate/Core/src/Abstractions/ErrorCodes.cs
        Assert.Equal(["bad"], root.Errors![0]!["path"]!.AsArray().Select(p => (string)p!));
        var nodes = nested.Data["papers"]!["nodes"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, n => Assert.Null(n!["authors"]));
        Assert.All(nodes, n => Assert.NotNull((string?)n!["title"]));
    }

    // src/HotChocolate/Core/src/Types.CursorPagination/CursorPaginationAlgorithm.cs: first/last must be >= 0, and with both
    // the first `first` edges are sliced, then the last `last` of those (the Relay algorithm).
    [Fact]
    public async Task FirstZeroCountsAndFirstWithLastTakesTheLastOfTheFirst()
    {
        var count = (await api.PostAsync("{ papers(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } nested: papers(first: 1) { nodes { authors(first: 0) { totalCount } } } }")).ShouldSucceed();
        var five = (await api.PostAsync("{ papers(first: 5) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        var both = (await api.PostAsync("{ papers(first: 5, last: 2) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }")).ShouldSucceed().Data["papers"]!;

        Assert.True((int)count.Data["papers"]!["totalCount"]! > 100);
        Assert.Empty(count.Data["papers"]!["edges"]!.AsArray());
        Assert.True((bool)count.Data["papers"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Null(count.Data["papers"]!["pageInfo"]!["endCursor"]);
        Assert.True((int)count.Data["nested"]!["nodes"]![0]!["authors"]!["totalCount"]! > 0);
        Assert.Equal(five[3..], both["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.True((bool)both["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)both["pageInfo"]!["hasNextPage"]!);
    }

    // src/HotChocolate/Core/src/Types/Types/Relay/NodeFieldResolvers.cs: the node resolver's null is the answer, with no
    // error; only an id that does not parse or names a type without a node resolver is an error.
    [Fact]
    public async Task NodeOfAWellFormedIdWithNoRowIsNullWithoutAnError()
    {
        var missing = Convert.ToBase64String(Encoding.UTF8.GetBytes("Paper:99999999"));
        var single = await api.PostAsync("query ($id: ID!) { node(id: $id) { id } }", new { id = missing });
        var many = await api.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { missing } });

        Assert.Null(single.Errors);
        Assert.Null(single.Data["node"]);
        Assert.Null(many.Errors);
        Assert.Null(many.Data["nodes"]![0]);
    }

    // src/HotChocolate/Core/test/Types.Tests/Types/Relay/LegacyNodeIdSerializerTests.cs and DefaultNodeIdSerializerTests.cs:
    // the older format, Base64 of "Type\n" + 'i' + the number, is still parsed; ids are issued as Base64 of "Type:number".
    [Fact]
    public async Task LegacyHotChocolateIdsResolveToTheSameObject()
    {
        var paper = (await api.PostAsync("{ papers(first: 1) { nodes { id title } } }")).ShouldSucceed().Data["papers"]!["nodes"]![0]!;
        var number = Number((string)paper["id"]!);
        var legacy = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Paper\ni{number}"));

        var node = (await api.PostAsync("query ($id: ID!) { node(id: $id) { id ... on Paper { title } } }", new { id = legacy })).ShouldSucceed();
        var filtered = (await api.PostAsync("query ($id: ID!) { papers(where: { id: { eq: $id } }) { totalCount } }", new { id = legacy })).ShouldSucceed();

        Assert.Equal((string)paper["title"]!, (string)node.Data["node"]!["title"]!);
        Assert.Equal((string)paper["id"]!, (string)node.Data["node"]!["id"]!);
        Assert.Equal(1, (int)filtered.Data["papers"]!["totalCount"]!);
    }

    // src/HotChocolate/Core/src/Types.CursorPagination/ConnectionType.cs (NameHelper: connection and edge names come from
    // the field name, "coauthors" → "CoauthorsConnection", unless the field sets a connection name).
    [Fact]
    public async Task ConnectionTypesAreNamedAfterTheirFields()
    {
        var types = (await api.PostAsync("{ __schema { types { name fields { name type { name kind ofType { name } } } } } }")).ShouldSucceed().Data["__schema"]!["types"]!.AsArray();
        var connections = types.SelectMany(t => t!["fields"]?.AsArray() ?? [], (t, f) => (Type: (string)t!["name"]!, Field: (string)f!["name"]!, Returns: (string?)f!["type"]!["name"] ?? (string?)f!["type"]!["ofType"]?["name"]))
            .Where(f => f.Returns?.EndsWith("Connection", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Contains(("Author", "coauthors", "CoauthorsConnection"), connections);
        Assert.Contains(("Query", "search", "SearchConnection"), connections);
        // Paper.codebases sets its name (its edges carry the relation); every other connection is named after its field.
        Assert.All(connections.Where(c => (c.Type, c.Field) != ("Paper", "codebases")),
            c => Assert.Equal(char.ToUpperInvariant(c.Field[0]) + c.Field[1..] + "Connection", c.Returns));
    }

    // src/HotChocolate/Core/src/Types/Types/Introspection/__Type.cs and __Directive.cs: specifiedByURL, isRepeatable and
    // includeDeprecated on args/inputFields, which graphql-js's getIntrospectionQuery asks for with all flags on.
    [Fact]
    public async Task IntrospectionWithEveryCurrentFlagAnswers()
    {
        var response = (await api.PostAsync(IntrospectionQuery.GraphQLJsAllFlags)).ShouldSucceed();

        var directives = response.Data["__schema"]!["directives"]!.AsArray();
        Assert.Contains(directives, d => (string)d!["name"]! == "include" && (bool)d["isRepeatable"]! == false);
        Assert.Contains(response.Data["__schema"]!["types"]!.AsArray(), t => (string)t!["name"]! == "String" && t["specifiedByURL"] is null);
    }

    // src/HotChocolate/CostAnalysis/src/CostAnalysis/CostTypeInterceptor.cs: @listSize(assumedSize: max page, slicingArguments:
    // [first, last], slicingArgumentDefaultValue: default page, sizedFields: [edges, nodes], requireOneSlicingArgument: false)
    // and @cost(weight: "10") on connections, @cost(weight: "10") on filter/sort arguments and operations.
    [Fact]
    public async Task TheSdlCarriesHotChocolatesCostDirectives()
    {
        using var client = api.CreateClient();
        var sdl = await client.GetStringAsync("/graphql?sdl");

        Assert.Contains("directive @cost(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @listSize(", sdl, StringComparison.Ordinal);
        Assert.Contains("""PapersConnection @listSize(assumedSize: 100, slicingArguments: ["first", "last"], slicingArgumentDefaultValue: 10, sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false) @cost(weight: "10")""", sdl, StringComparison.Ordinal);
        Assert.Contains("""where: PaperFilterInput @cost(weight: "10")""", sdl, StringComparison.Ordinal);
        Assert.Contains("""contains: String @cost(weight: "20")""", sdl, StringComparison.Ordinal);
    }

    // src/HotChocolate/CostAnalysis/src/CostAnalysis/Utilities/ResultHelper.cs: extensions.operationCost { fieldCost, typeCost };
    // CostAnalyzerMiddleware.cs: "validate" analyses and reports without executing or enforcing.
    [Fact]
    public async Task GraphQLCostReportAddsOperationCostAndValidateRunsNothing()
    {
        const string Query = "{ papers(first: 5) { nodes { title authors(first: 10) { nodes { name } } } } }";
        using var report = ApiFactory.GraphQLRequest(Query);
        report.Headers.Add("GraphQL-Cost", "report");
        using var validate = ApiFactory.GraphQLRequest(Query);
        validate.Headers.Add("GraphQL-Cost", "validate");
        using var validateOverLimit = ApiFactory.GraphQLRequest("{ papers(first: 100) { nodes { authors(first: 100) { nodes { papers(first: 100) { nodes { authors(first: 100) { nodes { name } } } } } } } } }");
        validateOverLimit.Headers.Add("GraphQL-Cost", "validate");

        var reported = (await api.SendAsync(report)).ShouldSucceed();
        var validated = await api.SendAsync(validate);
        var overLimit = await api.SendAsync(validateOverLimit);

        Assert.Equal(66, (double)reported.Body["extensions"]!["operationCost"]!["fieldCost"]!);
        Assert.Equal(61, (double)reported.Body["extensions"]!["operationCost"]!["typeCost"]!);
        Assert.Equal(5, reported.Data["papers"]!["nodes"]!.AsArray().Count);
        Assert.Equal(200, validated.Status);
        Assert.Null(validated.Body["data"]);
        Assert.Null(validated.Body["errors"]);
        Assert.Equal(0, validated.Statements);
        Assert.Equal(reported.Body["extensions"]!.ToJsonString(), validated.Body["extensions"]!.ToJsonString());
        Assert.Equal(200, overLimit.Status);
        Assert.True((double)overLimit.Body["extensions"]!["operationCost"]!["fieldCost"]! > 1e6);
    }

    // src/HotChocolate/CostAnalysis/src/CostAnalysis/Utilities/ErrorHelper.cs: over a limit is ErrorCodes.Execution.CostExceeded
    // (HC0047) with the cost and the limit in extensions; with report, operationCost is added too.
    [Fact]
    public async Task OverTheCostLimitIsHC0047WithTheCostAndTheLimit()
    {
        using var request = ApiFactory.GraphQLRequest("{ papers(first: 100) { nodes { authors(first: 100) { nodes { papers(first: 100) { nodes { title } } } } } } }");
        request.Headers.Add("GraphQL-Cost", "report");

        var refused = await api.SendAsync(request);

        Assert.Equal((400, "HC0047"), (refused.Status, refused.Code));
        Assert.Equal("The maximum allowed field cost was exceeded.", (string)refused.Errors![0]!["message"]!);
        Assert.True((double)refused.Errors[0]!["extensions"]!["fieldCost"]! > (double)refused.Errors[0]!["extensions"]!["maxFieldCost"]!);
        Assert.NotNull(refused.Body["extensions"]!["operationCost"]);
        Assert.Equal(0, refused.Statements);
    }

    [Fact]
    public async Task TheFourLevelTraversalWithDefaultPageSizesIsAdmitted()
    {
        var response = (await api.PostAsync(FourLevelTraversal)).ShouldSucceed();

        Assert.NotEmpty(response.Data["authors"]!["nodes"]![0]!["papers"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task MentionsAndSourcesAreFilterable()
    {
        var response = (await api.PostAsync("""
            { all: papers { totalCount }
              twoLists: papers(where: { sources: { some: { name: { contains: "llm" } } }, mentions: { some: { line: { gt: 1 } } } }) { totalCount } }
            """)).ShouldSucceed();

        Assert.InRange((int)response.Data["twoLists"]!["totalCount"]!, 1, (int)response.Data["all"]!["totalCount"]! - 1);
    }

    private static int Number(string id)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
        return int.Parse(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteHotChocolateConformanceTests(SqliteApiFactory api) : HotChocolateConformanceTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerHotChocolateConformanceTests(SqlServerApiFactory api) : HotChocolateConformanceTests(api);
