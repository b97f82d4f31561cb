using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RlhfGraph.Persistence.Search;
using RlhfGraph.Schema.Authors;
using RlhfGraph.Schema.Codebases;
using RlhfGraph.Schema.Datasets;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Search;

/// <summary>The root fields `search` and `autocomplete`, over whichever <see cref="ISearchIndex"/> the provider brings.</summary>
internal sealed class SearchQueries : IRootFields
{
    /// <summary>Longer input is a mistake or abuse; only the first <see cref="SearchText.MaxTokens"/> words are used anyway.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Deep offsets cost a full ranking each; nobody pages a search this far.</summary>
    public const int MaxOffset = 1000;

    public const int MaxSuggestions = 50;

    private const string CursorSignature = "relevance";

    private static readonly SearchKind[] AllKinds = Enum.GetValues<SearchKind>();

    public void AddTo(ObjectGraphType query)
    {
        var search = query.Field<SearchResultsConnectionType>("search");
        Limits.CostDefaults.Connection(search.FieldType, new PagingOptions().MaxPageSize, new PagingOptions().DefaultPageSize, "first");
        search
            .Description("Ranked full-text search over papers, authors, codebases and datasets, best first. Case, accents and punctuation are ignored (\"hh-rlhf\" = \"HH RLHF\"); every word must occur.")
            .Argument<NonNullGraphType<StringGraphType>>("query", $"Words to find (at most {MaxQueryLength} characters; the first {SearchText.MaxTokens} words count).")
            .Argument<ListGraphType<NonNullGraphType<SearchTypeType>>>("types", "Only these kinds; all kinds when omitted.")
            .Argument<IntGraphType>("first", "How many results (0 to the maximum page size, 10 by default).")
            .Argument<StringGraphType>("after", "Continue after this cursor (an endCursor of the same search).")
            .ResolveAsync(async context =>
            {
                var text = Parse(context, "query");
                var kinds = Kinds(context);
                var options = context.Services().GetRequiredService<IOptions<PagingOptions>>().Value;
                var size = context.GetArgument<int?>("first") ?? options.DefaultPageSize;
                if (size < 0 || size > options.MaxPageSize)
                    throw new QueryError(size < 0 ? QueryError.MinPaginationItems : QueryError.MaxPaginationItems, $"first must be between 0 and {options.MaxPageSize}; got {size}.");
                var offset = context.GetArgument<string?>("after") is { } after
                    ? (int)Cursor.Decode(after, "after", CursorSignature, [typeof(int)])[0]! + 1
                    : 0;
                if (offset is < 0 or > MaxOffset) throw new QueryError(QueryError.InvalidCursor, "'after' is not a cursor of this search.");

                var wantsTotal = Querying.Paging.Selection.Of(context).Has("totalCount");
                var page = await context.QueryAsync((db, ct) => db.Search.SearchAsync(db, text, kinds, offset, size + 1, wantsTotal, ct)).ConfigureAwait(false);
                var hits = page.Hits.Take(size).ToList();
                // The hits' nodes with all selected under them, whichever of `edges.node` and `nodes` selects them.
                var connection = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
                var sets = Planner.SetsOf(context, connection, Lookups.Selection(context), "nodes");
                sets.AddRange(Planner.SetsOf(context, (IComplexGraphType)connection.GetField("edges")!.ResolvedType!.GetNamedType(), Planner.SetsOf(context, connection, Lookups.Selection(context), "edges"), "node"));
                var nodes = await LoadAsync(context, hits, sets).ConfigureAwait(false);
                var edges = hits.Select((h, i) => (Hit: h, Position: offset + i))
                    .Where(x => nodes.ContainsKey((x.Hit.Kind, x.Hit.EntityId)))
                    .Select(x => new Edge(Cursor.Encode(CursorSignature, [x.Position]), nodes[(x.Hit.Kind, x.Hit.EntityId)], x.Hit))
                    .ToList();
                var info = new PageInfo(page.Hits.Count > size, offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
                return new Page(edges, info, wantsTotal ? page.Total : null);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AutocompleteSuggestionType>>>>("autocomplete")
            .Description("Completions for a search box: names and titles whose words start with the typed words (\"dir pref\" → \"Direct Preference Optimization…\"), names starting with the text first, then the most established.")
            .Argument<NonNullGraphType<StringGraphType>>("prefix", $"What was typed so far (at most {MaxQueryLength} characters).")
            .Argument<ListGraphType<NonNullGraphType<SearchTypeType>>>("types", "Only these kinds; all kinds when omitted.")
            .Argument<IntGraphType>("first", $"How many suggestions (1 to {MaxSuggestions}).", arg => arg.DefaultValue = 10)
            .ResolveAsync(async context =>
            {
                var text = Parse(context, "prefix");
                var kinds = Kinds(context);
                var count = context.GetArgument<int>("first");
                if (count < 1 || count > MaxSuggestions)
                    throw new QueryError(QueryError.InvalidArgument, $"first must be between 1 and {MaxSuggestions}; got {count}.");
                var hits = await context.QueryAsync((db, ct) => db.Search.AutocompleteAsync(db, text, kinds, count, ct)).ConfigureAwait(false);
                var suggestion = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
                var nodes = await LoadAsync(context, hits, Planner.SetsOf(context, suggestion, Lookups.Selection(context), "node")).ConfigureAwait(false);
                return hits.Where(h => nodes.ContainsKey((h.Kind, h.EntityId)))
                    .Select(h => new Suggestion(h.Kind, h.Label, nodes[(h.Kind, h.EntityId)]))
                    .ToList();
            });
    }

    private static SearchText Parse(IResolveFieldContext context, string argument)
    {
        var raw = context.GetArgument<string>(argument);
        if (raw.Length > MaxQueryLength)
            throw new QueryError(QueryError.InvalidArgument, $"{argument} is {raw.Length} characters long; at most {MaxQueryLength} are allowed.");
        return SearchText.Parse(raw);
    }

    private static SearchKind[] Kinds(IResolveFieldContext context) =>
        context.GetArgument<List<SearchKind>?>("types") is { } kinds ? [.. kinds.Distinct()] : AllKinds;

    /// <summary>The hits' entities with what <paramref name="sets"/> select of them: one planned statement, a lookup per kind present.</summary>
    private static async Task<Dictionary<(SearchKind, int), object>> LoadAsync(IResolveFieldContext context, IReadOnlyList<SearchHit> hits, List<GraphQLParser.AST.GraphQLSelectionSet> sets)
    {
        var kinds = hits.GroupBy(h => h.Kind).ToList();
        var targets = kinds.Select(g =>
        {
            IListSource rows = g.Key switch
            {
                SearchKind.Paper => PaperType.All,
                SearchKind.Author => AuthorType.All,
                SearchKind.Codebase => CodebaseType.All,
                _ => DatasetType.All,
            };
            return Lookups.ByIds(context, rows, sets, [.. g.Select(h => h.EntityId).Distinct()], new PagingOptions().MaxPageSize);
        }).ToList();
        var found = await Lookups.RunAsync(context, targets, cacheable: false).ConfigureAwait(false);
        var nodes = new Dictionary<(SearchKind, int), object>();
        for (var i = 0; i < kinds.Count; i++)
        {
            foreach (var (id, node) in found[i]) nodes[(kinds[i].Key, id)] = node;
        }

        return nodes;
    }
}
