using System.Text;
using GraphQLParser.AST;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Providers;

/// <summary>The catalog: named operations, each a plan shape (or several) the compiler has to write.</summary>
public sealed partial class PlanTSqlTests
{
    private static readonly (string Root, string[] Members)[] Sortable =
    [
        ("papers", ["id", "title", "url", "arxivId", "year", "venue", "kind", "alias", "citationCount", "hasOfficialCode", "mentionCount"]),
        ("authors", ["id", "name", "kind", "paperCount"]),
        ("codebases", ["id", "name", "url", "host", "owner", "repository"]),
        ("datasets", ["id", "name", "url"]),
        ("keywords", ["id", "name", "category"]),
    ];

    private static Dictionary<string, Shape> BuildCatalog()
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        void Add(string name, string query, string cursors = "") => shapes.Add(name, new Shape(query, cursors));

        foreach (var file in Directory.GetFiles(RepositoryFiles.QueriesDirectory, "*.graphql").Order(StringComparer.Ordinal))
            Add($"file {Path.GetFileName(file)}", File.ReadAllText(file));
        var readme = RepositoryFiles.ReadmeQueries();
        for (var i = 0; i < readme.Count; i++)
            Add($"README {i + 1} {GraphQLParser.Parser.Parse(readme[i]).Definitions.OfType<GraphQLOperationDefinition>().Single().Name?.StringValue}", readme[i]);

        AddOperators(Add);
        AddListFilters(Add);
        AddOrders(Add);
        AddPaging(Add);
        AddNesting(Add);
        AddSingleObjects(Add);
        // Found by the fuzzer: conditions folded away (empty in-lists) beside values already bound.
        Add("folded conditions beside bound values", "{ keywords(where: { name: { or: [{ in: [], eq: \"\" }, { eq: \"rlhf\" }] }, category: { and: [{ neq: TOPIC, in: [] }], nin: [TOPIC, TASK] } }) { nodes { category id } } }");
        Add("folded conditions on both sides", "{ papers(where: { and: [{ title: { eq: \"x\" }, year: { in: [] } }, { or: [{ venue: { in: [] } }, { year: { eq: 2023 } }] }] }) { totalCount } }");
        return shapes;
    }

    /// <summary>Every operator of every scalar filter type, on nullable and non-null columns.</summary>
    private static void AddOperators(Action<string, string, string> add)
    {
        string[] text = ["eq: \"Direct Preference Optimization\"", "neq: \"x\"", "in: [\"a\", \"b\"]", "nin: [\"a\", \"b\"]", "in: [\"a\", null]", "in: []",
            "contains: \"a%_[b\\\\\"", "ncontains: \"x\"", "startsWith: \"D\"", "nstartsWith: \"q\"", "endsWith: \"n\"", "nendsWith: \"z\"",
            "eq: null", "neq: null", "or: [{ eq: \"a\" }, { contains: \"b\" }]", "and: [{ neq: \"a\" }, { nendsWith: \"b\" }]"];
        string[] number = ["eq: 2023", "neq: 2023", "in: [2022, 2023]", "nin: [2022, 2023]", "in: []", "gt: 2", "ngt: 2", "gte: 2", "ngte: 2", "lt: 2030", "nlt: 2", "lte: 2030", "nlte: 2",
            "eq: null", "neq: null", "or: [{ lt: 2018 }, { gt: 2024 }]"];
        string[] boolean = ["eq: true", "eq: false", "neq: true", "eq: null", "neq: null"];
        string[] Enum(string one, string other) => [$"eq: {one}", $"neq: {one}", $"in: [{one}, {other}]", $"nin: [{one}]", "in: []", "eq: null", "neq: null", $"or: [{{ eq: {one} }}, {{ eq: {other} }}]"];
        string[] Id(string type) => [$"eq: \"{GlobalId(type, 1)}\"", $"neq: \"{GlobalId(type, 1)}\"", $"in: [\"{GlobalId(type, 1)}\", \"{GlobalId(type, 2)}\"]", $"nin: [\"{GlobalId(type, 1)}\"]", "in: []", "eq: null", "neq: null"];

        (string Root, string Member, string[] Operators)[] members =
        [
            ("papers", "title", text), ("papers", "venue", text), ("papers", "alias", text), ("authors", "name", text), ("codebases", "host", text),
            ("codebases", "description", text), ("datasets", "url", text), ("keywords", "name", text),
            ("papers", "year", number), ("papers", "mentionCount", number), ("papers", "citationCount", number), ("authors", "paperCount", number),
            ("papers", "hasOfficialCode", boolean),
            ("papers", "kind", Enum("SURVEY", "PAPER")), ("authors", "kind", Enum("PERSON", "ORGANIZATION")), ("keywords", "category", Enum("TOPIC", "TASK")),
            ("papers", "id", Id("Paper")), ("authors", "id", Id("Author")), ("codebases", "id", Id("Codebase")), ("datasets", "id", Id("Dataset")), ("keywords", "id", Id("Keyword")),
        ];
        foreach (var (root, member, operators) in members)
        {
            foreach (var op in operators)
                add($"{root} where {member} {op}", $"{{ {root}(first: 3, where: {{ {member}: {{ {op} }} }}) {{ totalCount nodes {{ id }} }} }}", "");
        }

        add("papers where and/or nest three deep", """
            { papers(first: 3, where: {
                or: [{ and: [{ year: { gte: 2020 } }, { kind: { eq: PAPER } }] }, { and: [{ or: [{ title: { contains: "x" } }, { venue: { eq: null } }] }, { hasOfficialCode: { eq: true } }] }],
                and: [{ mentionCount: { gte: 1 } }, { or: [{ citationCount: { neq: null } }, { alias: { startsWith: "I" } }] }] }) { totalCount nodes { id } } }
            """, "");
        add("papers where several members at once", """{ papers(first: 3, where: { year: { gte: 2020, lt: 2024, nin: [2021] }, title: { ncontains: "x", startsWith: "D" }, kind: { nin: [BOOK] }, hasOfficialCode: { neq: false } }) { totalCount nodes { id } } }""", "");
        add("nested where with every kind of operand", """{ papers(first: 2, where: { authors: { any: true } }) { nodes { authors(first: 3, where: { or: [{ name: { contains: "a" } }, { kind: { eq: ORGANIZATION } }, { paperCount: { ngt: 1 } }, { id: { nin: ["QXV0aG9yOjE="] } }] }) { totalCount nodes { name } } } } }""", "");
    }

    /// <summary>some/all/none/any on every entity list and string list.</summary>
    private static void AddListFilters(Action<string, string, string> add)
    {
        (string Root, string List, string Inner)[] lists =
        [
            ("papers", "authors", "name: { contains: \"sadigh\" }"), ("papers", "codebases", "host: { eq: \"github.com\" }"), ("papers", "datasets", "name: { startsWith: \"T\" }"),
            ("papers", "mentions", "line: { gt: 3 }, section: { neq: null }"), ("papers", "sources", "name: { neq: \"x\" }, itemCount: { gte: 1 }"),
            ("papers", "keywords", "eq: \"PPO\""), ("authors", "aliases", "contains: \"J.\""), ("datasets", "aliases", "startsWith: \"H\""), ("codebases", "keywords", "neq: \"x\""),
            ("authors", "papers", "year: { gte: 2023 }"), ("codebases", "papers", "hasOfficialCode: { eq: true }"), ("codebases", "datasets", "name: { eq: \"TruthfulQA\" }"),
            ("codebases", "authors", "kind: { eq: PERSON }"), ("datasets", "papers", "kind: { in: [PAPER, SURVEY] }"), ("datasets", "codebases", "owner: { eq: \"openai\" }"),
            ("keywords", "papers", "mentionCount: { gt: 1 }"),
        ];
        foreach (var (root, list, inner) in lists)
        {
            foreach (var op in new[] { "some", "all", "none" })
                add($"{root} where {list} {op}", $"{{ {root}(first: 3, where: {{ {list}: {{ {op}: {{ {inner} }} }} }}) {{ totalCount nodes {{ id }} }} }}", "");
            foreach (var any in new[] { "true", "false" })
                add($"{root} where {list} any {any}", $"{{ {root}(first: 3, where: {{ {list}: {{ any: {any} }} }}) {{ totalCount nodes {{ id }} }} }}", "");
        }

        add("papers where authors some papers some datasets some (nested filters)", """{ papers(first: 3, where: { authors: { some: { papers: { some: { datasets: { some: { name: { eq: "TruthfulQA" } } } } } } } }) { totalCount nodes { title } } }""", "");
        add("authors where papers some authors some (nested filters)", """{ authors(first: 3, where: { papers: { some: { authors: { some: { name: { contains: "christiano" } } }, year: { gte: 2020 } } } }) { totalCount nodes { name } } }""", "");
        add("codebases where datasets all papers none (nested filters)", """{ codebases(first: 3, where: { datasets: { all: { papers: { none: { year: { lt: 2015 } } } } }, papers: { some: { keywords: { some: { eq: "PPO" } } } } }) { totalCount nodes { url } } }""", "");
        add("keywords where papers some codebases some authors none (nested filters)", """{ keywords(first: 3, where: { papers: { some: { codebases: { some: { authors: { none: { kind: { eq: ORGANIZATION } } } } } } } }) { totalCount nodes { name } } }""", "");
        add("papers where list filters combined with and/or", """{ papers(first: 3, where: { or: [{ authors: { all: { paperCount: { gte: 2 } } } }, { datasets: { none: { aliases: { any: true } } } }], keywords: { any: true } }) { totalCount nodes { id } } }""", "");
    }

    /// <summary>Every sortable member of every root list, both ways, with cursors and a keyset page after one.</summary>
    private static void AddOrders(Action<string, string, string> add)
    {
        foreach (var (root, members) in Sortable)
        {
            foreach (var member in members)
            {
                foreach (var direction in new[] { "ASC", "DESC" })
                {
                    var order = $"order: [{{ {member}: {direction} }}]";
                    add($"{root} order by {member} {direction}, after and before a cursor",
                        $"query ($cAfter: String) {{ a: {root}(first: 2, after: $cAfter, {order}) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} edges {{ cursor node {{ id }} }} }} b: {root}(last: 2, before: $cAfter, {order}) {{ pageInfo {{ hasPreviousPage hasNextPage }} nodes {{ id }} }} }}",
                        $"{{ c: {root}(first: 2, {order}) {{ pageInfo {{ endCursor }} }} }}");
                }
            }
        }

        const string keys = "order: [{ year: DESC }, { title: ASC }, { hasOfficialCode: DESC }, { citationCount: ASC }]";
        add("papers order by four keys, after a cursor", $"query ($cAfter: String) {{ papers(first: 3, after: $cAfter, {keys}) {{ pageInfo {{ hasPreviousPage endCursor }} edges {{ cursor node {{ title }} }} }} }}", $"{{ c: papers(first: 3, {keys}) {{ pageInfo {{ endCursor }} }} }}");
        add("papers order written as one object", """{ papers(first: 3, order: { year: DESC, title: ASC, kind: ASC }) { edges { cursor node { id } } } }""", "");
        add("authors order by two keys, before a cursor", "query ($cAfter: String) { authors(last: 3, before: $cAfter, order: [{ kind: DESC }, { paperCount: DESC }, { name: ASC }]) { pageInfo { hasNextPage hasPreviousPage startCursor } nodes { name } } }", "{ c: authors(first: 5, order: [{ kind: DESC }, { paperCount: DESC }, { name: ASC }]) { pageInfo { endCursor } } }");
        foreach (var member in Sortable[1].Members)
            add($"paper authors order by {member} DESC with cursors", $"{{ papers(first: 2, where: {{ authors: {{ any: true }} }}) {{ nodes {{ authors(first: 3, order: [{{ {member}: DESC }}]) {{ pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ name }} }} }} }} }} }}", "");
        foreach (var member in Sortable[0].Members)
            add($"author papers order by {member} ASC with cursors", $"{{ authors(first: 2, where: {{ paperCount: {{ gte: 3 }} }}) {{ nodes {{ papers(first: 2, order: [{{ {member}: ASC }}]) {{ pageInfo {{ hasPreviousPage startCursor }} edges {{ cursor node {{ title }} }} }} }} }} }}", "");
        add("coauthors order by name and paperCount with cursors", """{ authors(first: 2, where: { paperCount: { gte: 3 } }) { nodes { coauthors(first: 3, order: [{ paperCount: DESC }, { name: ASC }]) { pageInfo { endCursor } edges { cursor sharedPapers node { name } } } } } }""", "");
        add("paper codebases order by host and owner with cursors", """{ papers(first: 3, where: { codebases: { any: true } }) { nodes { codebases(first: 2, order: [{ host: ASC }, { owner: DESC }, { repository: ASC }]) { edges { cursor relation node { url } } } } } }""", "");
        add("dataset codebases and papers ordered", """{ datasets(first: 3, order: [{ url: DESC }]) { nodes { codebases(first: 2, order: [{ name: DESC }]) { edges { cursor node { name } } } papers(first: 2, order: [{ kind: ASC }, { alias: DESC }]) { edges { cursor node { title } } } } } }""", "");
    }

    /// <summary>first/last/after/before, counts and page info, at the root and nested.</summary>
    private static void AddPaging(Action<string, string, string> add)
    {
        const string rootCursors = "{ c: papers(first: 4) { pageInfo { startCursor endCursor } } }";
        add("papers first", "{ papers(first: 3) { nodes { id } } }", "");
        add("papers without first (the default page)", "{ papers { nodes { id } } }", "");
        add("papers last", "{ papers(last: 3) { pageInfo { hasPreviousPage hasNextPage } nodes { id } } }", "");
        add("papers first 0 with totalCount", "{ papers(first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", "");
        add("papers last 0", "{ papers(last: 0) { totalCount pageInfo { hasPreviousPage } } }", "");
        add("papers first and last", "{ papers(first: 5, last: 2) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }", "");
        add("papers first after a cursor", "query ($cAfter: String) { papers(first: 3, after: $cAfter) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }", rootCursors);
        add("papers last before a cursor", "query ($cAfter: String) { papers(last: 2, before: $cAfter) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id } } }", rootCursors);
        add("papers first before a cursor", "query ($cAfter: String) { papers(first: 2, before: $cAfter) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }", rootCursors);
        add("papers last after a cursor", "query ($cBefore: String) { papers(last: 2, after: $cBefore) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }", rootCursors);
        add("papers after and before cursors", "query ($cAfter: String, $cBefore: String) { papers(first: 5, after: $cBefore, before: $cAfter) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor } } }", rootCursors);
        add("papers first, last, after and before", "query ($cAfter: String, $cBefore: String) { papers(first: 3, last: 1, after: $cBefore, before: $cAfter) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }", rootCursors);
        add("papers totalCount only", "{ papers(where: { year: { gte: 2023 } }) { totalCount } }", "");
        add("papers pageInfo only", "{ papers(first: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", "");
        add("papers edges cursor only", "{ papers(first: 2) { edges { cursor } } }", "");
        add("papers nodes and edges together", "{ papers(first: 2) { nodes { title } edges { cursor node { year } } } }", "");

        const string nestedCursors = "{ c: papers(first: 1, where: { authors: { any: true } }) { nodes { authors(first: 2) { pageInfo { startCursor endCursor } } } } }";
        add("nested first", "{ papers(first: 3) { nodes { authors(first: 2) { nodes { name } } } } }", "");
        add("nested last with pageInfo", "{ papers(first: 3) { nodes { authors(last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor } nodes { name } } } } }", "");
        add("nested first 0 with totalCount", "{ papers(first: 3) { nodes { authors(first: 0) { totalCount pageInfo { hasNextPage } } } } }", "");
        add("nested first and last", "{ papers(first: 3) { nodes { authors(first: 4, last: 2) { pageInfo { hasNextPage hasPreviousPage } edges { cursor node { name } } } } } }", "");
        add("nested after a cursor", "query ($cAfter: String) { papers(first: 3) { nodes { authors(first: 2, after: $cAfter) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { name } } } } }", nestedCursors);
        add("nested before a cursor", "query ($cAfter: String) { papers(first: 3) { nodes { authors(last: 2, before: $cAfter) { pageInfo { hasNextPage hasPreviousPage startCursor } nodes { name } } } } }", nestedCursors);
        add("nested after and before cursors", "query ($cAfter: String, $cBefore: String) { papers(first: 3) { nodes { authors(after: $cBefore, before: $cAfter) { pageInfo { hasNextPage hasPreviousPage } nodes { name } } } } }", nestedCursors);
        add("nested totalCount only", "{ papers(first: 3) { nodes { authors { totalCount } codebases { totalCount } datasets { totalCount } } } }", "");
        add("nested pageInfo only", "{ authors(first: 3) { nodes { papers(first: 1) { pageInfo { hasNextPage endCursor } } coauthors(first: 1) { pageInfo { hasPreviousPage startCursor } } } } }", "");
    }

    /// <summary>Every nested connection of every type, link fields, four levels, fragments and aliases.</summary>
    private static void AddNesting(Action<string, string, string> add)
    {
        const string page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }";
        (string Root, string Field, string Where)[] nested =
        [
            ("papers", "authors", "name: { contains: \"a\" }"), ("papers", "codebases", "host: { neq: null }"), ("papers", "datasets", "aliases: { any: true }"),
            ("authors", "papers", "year: { gte: 2020 }"), ("authors", "coauthors", "paperCount: { gt: 1 }"),
            ("codebases", "papers", "kind: { eq: PAPER }"), ("codebases", "datasets", "url: { neq: null }"), ("codebases", "authors", "kind: { eq: PERSON }"),
            ("datasets", "papers", "hasOfficialCode: { eq: true }"), ("datasets", "codebases", "owner: { neq: null }"),
            ("keywords", "papers", "citationCount: { gte: 1 }"),
        ];
        foreach (var (root, field, where) in nested)
        {
            add($"{root} {field} nested", $"{{ {root}(first: 3) {{ nodes {{ id {field}(first: 2) {{ {page} }} }} }} }}", "");
            add($"{root} {field} nested with where, last", $"{{ {root}(first: 3) {{ nodes {{ {field}(last: 2, where: {{ {where} }}) {{ {page} }} }} }} }}", "");
        }

        add("paper codebases edges relation", "{ papers(first: 5, where: { codebases: { any: true } }) { nodes { title codebases { edges { relation cursor node { url name } } } } } }", "");
        add("paper codebases edges relation only", "{ papers(first: 5) { nodes { codebases { edges { relation } } } } }", "");
        add("author coauthors edges sharedPapers", "{ authors(first: 3, order: [{ paperCount: DESC }]) { nodes { name coauthors(first: 3) { totalCount edges { sharedPapers cursor node { name paperCount } } } } } }", "");
        add("author coauthors edges sharedPapers last", "{ authors(first: 3, order: [{ paperCount: DESC }]) { nodes { coauthors(last: 2) { pageInfo { hasPreviousPage } edges { sharedPapers } } } } }", "");

        add("four levels: papers authors papers codebases", "{ papers(first: 2) { nodes { title authors(first: 2) { totalCount nodes { name papers(first: 2) { pageInfo { hasNextPage } nodes { title codebases(first: 2) { edges { relation node { url } } } } } } } } } }", "");
        add("four levels: keywords papers authors coauthors", "{ keywords(first: 2) { nodes { name papers(first: 2) { nodes { authors(first: 2) { nodes { coauthors(first: 2) { edges { sharedPapers cursor node { name } } } } } } } } } }", "");
        add("four levels: codebases datasets papers authors", "{ codebases(first: 2) { nodes { datasets(first: 2) { nodes { papers(first: 2, order: [{ year: DESC }]) { nodes { authors(last: 1) { totalCount pageInfo { hasPreviousPage startCursor } nodes { name } } } } } } } } }", "");
        add("four levels: datasets codebases authors papers", "{ datasets(first: 2) { nodes { codebases(first: 2) { nodes { authors(first: 2) { nodes { papers(first: 1, where: { year: { neq: null } }) { totalCount edges { cursor node { title } } } } } } } } } }", "");
        add("siblings at every level", "{ papers(first: 2) { nodes { authors(first: 2) { nodes { papers(first: 1) { totalCount } coauthors(first: 1) { totalCount } } } codebases(first: 2) { nodes { datasets(first: 1) { totalCount } authors(first: 1) { totalCount } papers(first: 1) { totalCount } } } datasets(first: 2) { nodes { papers(first: 1) { totalCount } codebases(first: 1) { totalCount } } } } } }", "");

        add("every scalar and plain list of a paper", "{ papers(first: 3) { nodes { id title url arxivId year venue kind alias citationCount hasOfficialCode mentionCount keywords sources { name } mentions { section line source { name } } related(first: 2) { score paper { title } } __typename } } }", "");
        add("the lists themselves, and every plain list under each type", "{ sources { id name title fileName format itemCount } codebases(first: 2) { nodes { keywords mentions { section line column source { name } } } } datasets(first: 2) { nodes { aliases mentions { line source { fileName } } } } authors(first: 2) { nodes { aliases papers(first: 2) { nodes { keywords sources { name } } } } } }", "");
        add("every scalar of the other root types", "{ authors(first: 2) { nodes { id name kind paperCount aliases } } codebases(first: 2) { nodes { id name url host owner repository description keywords } } datasets(first: 2) { nodes { id name url aliases } } keywords(first: 2) { nodes { id name category } } }", "");
        add("named fragments with nested lists", "query { papers(first: 2) { ...Page } } fragment Page on PapersConnection { totalCount nodes { ...PaperBits } } fragment PaperBits on Paper { title authors(first: 2) { nodes { ...AuthorBits } } } fragment AuthorBits on Author { name papers(first: 1) { totalCount } }", "");
        add("a fragment on Query spreading root lists", "query { ...Roots } fragment Roots on Query { papers(first: 1) { nodes { title } } authors(first: 1) { nodes { name } } }", "");
        add("inline fragments", "{ papers(first: 2) { ... on PapersConnection { nodes { ... on Paper { title ... on Node { id } } authors(first: 1) { ... { nodes { name } } } } } } }", "");
        add("aliases of one nested field with different arguments", "{ papers(first: 2) { nodes { firstAuthors: authors(first: 1) { nodes { name } } lastAuthors: authors(last: 1) { nodes { name } } byName: authors(order: [{ name: ASC }]) { totalCount } } } }", "");
        add("aliased roots of each type", "{ a: papers(first: 1) { nodes { t: title } } b: authors(first: 1) { nodes { n: name } } c: codebases(first: 1) { nodes { u: url } } d: datasets(first: 1) { nodes { n: name } } e: keywords(first: 1) { nodes { n: name } } }", "");
        add("one nested field under nodes and edges with different arguments", "{ papers(first: 2) { nodes { authors(first: 1) { nodes { name } } } edges { node { authors(first: 2) { nodes { name } } } } } }", "");
        add("one nested field under nodes and edges with the same arguments", "{ papers(first: 2) { nodes { authors(first: 1) { nodes { name } } } edges { cursor node { authors(first: 1) { totalCount } } } } }", "");
        add("variables for arguments", """query ($n: Int, $w: PaperFilterInput, $o: [PaperSortInput!]) { papers(first: $n, where: $w, order: $o) { nodes { authors(first: $n) { nodes { name } } } } }""", "");
    }

    /// <summary>
    /// The single-object entry points (paperByArxivId, node, nodes, search, autocomplete, related, authorPath): the
    /// recorded shapes that succeed, each a lookup plan (several sharing one statement for nodes and search).
    /// </summary>
    private static void AddSingleObjects(Action<string, string, string> add)
    {
        var recorded = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "RlhfGraph.Tests", "Planning", "RecordedAnswers.json")))!.AsObject();
        foreach (var (name, shape) in recorded)
        {
            // A search that finds nothing plans no statement.
            if (name.StartsWith("root: ", StringComparison.Ordinal) || name == "search finding nothing" || shape!["response"]!["errors"] is not null) continue;
            add($"single object: {name}", (string)shape["query"]!, "");
        }

        add("single object: nodes with cursors, totals and filters under each type", "{ nodes(ids: [\"" + GlobalId("Author", 1) + "\", \"" + GlobalId("Codebase", 2) + "\"]) { ... on Author { papers(first: 2, where: { year: { gte: 2020 } }, order: [{ title: ASC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { title } } coauthors(last: 2) { pageInfo { hasPreviousPage startCursor } edges { cursor sharedPapers node { name } } } } ... on Codebase { authors { nodes { name } } datasets(where: { name: { contains: \"a\" } }) { nodes { name } } } } }", "");
    }

    private static string GlobalId(string type, int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}"));
}
