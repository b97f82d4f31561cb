using GraphQL.Types;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Search;

internal sealed class SearchResultsConnectionType : ObjectGraphType<Page>
{
    public SearchResultsConnectionType()
    {
        Name = "SearchConnection";  // HotChocolate names a connection after its field
        Description = "A page of search results, best first, with cursors for the next page.";
        Field<ListGraphType<NonNullGraphType<SearchResultEdgeType>>>("edges").Description("The page's results with their scores, best first.").Resolve(c => c.Source.Edges);
        Field<ListGraphType<NonNullGraphType<SearchResultType>>>("nodes").Description("The page's results without scores or cursors.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Whether more results exist, and the cursors to reach them.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of results across all pages (counted only when selected).")
            .Resolve(c => c.Source.TotalCount ?? 0);
    }
}
