using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Search;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Paging;

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
                return await context.QueryAsync(async (db, ct) =>
                {
                    var page = await db.Search.SearchAsync(db, text, kinds, offset, size + 1, wantsTotal, ct).ConfigureAwait(false);
                    var hits = page.Hits.Take(size).ToList();
                    var nodes = await LoadAsync(db, hits, ct).ConfigureAwait(false);
                    var edges = hits.Select((h, i) => (Hit: h, Position: offset + i))
                        .Where(x => nodes.ContainsKey((x.Hit.Kind, x.Hit.EntityId)))
                        .Select(x => new Edge(Cursor.Encode(CursorSignature, [x.Position]), nodes[(x.Hit.Kind, x.Hit.EntityId)], x.Hit))
                        .ToList();
                    var info = new PageInfo(page.Hits.Count > size, offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
                    return new Page(edges, info, wantsTotal ? page.Total : null);
                }).ConfigureAwait(false);
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
                return await context.QueryAsync(async (db, ct) =>
                {
                    var hits = await db.Search.AutocompleteAsync(db, text, kinds, count, ct).ConfigureAwait(false);
                    var nodes = await LoadAsync(db, hits, ct).ConfigureAwait(false);
                    return hits.Where(h => nodes.ContainsKey((h.Kind, h.EntityId)))
                        .Select(h => new Suggestion(h.Kind, h.Label, nodes[(h.Kind, h.EntityId)]))
                        .ToList();
                }).ConfigureAwait(false);
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

    /// <summary>The hits' entities, one statement per kind present.</summary>
    private static async Task<Dictionary<(SearchKind, int), object>> LoadAsync(RlhfGraphDbContext db, IReadOnlyList<SearchHit> hits, CancellationToken ct)
    {
        var nodes = new Dictionary<(SearchKind, int), object>();
        foreach (var group in hits.GroupBy(h => h.Kind))
        {
            var ids = group.Select(h => h.EntityId).ToList();
            var rows = group.Key switch
            {
                SearchKind.Paper => (await db.Papers.Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false)).Select(p => (p.Id, (object)p)),
                SearchKind.Author => (await db.Authors.Where(a => ids.Contains(a.Id)).ToListAsync(ct).ConfigureAwait(false)).Select(a => (a.Id, (object)a)),
                SearchKind.Codebase => (await db.Codebases.Where(c => ids.Contains(c.Id)).ToListAsync(ct).ConfigureAwait(false)).Select(c => (c.Id, (object)c)),
                _ => (await db.Datasets.Where(d => ids.Contains(d.Id)).ToListAsync(ct).ConfigureAwait(false)).Select(d => (d.Id, (object)d)),
            };
            foreach (var (id, node) in rows) nodes[(group.Key, id)] = node;
        }

        return nodes;
    }
}
