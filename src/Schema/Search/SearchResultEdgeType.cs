using GraphQL.Types;
using RlhfGraph.Persistence.Search;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Search;

internal sealed class SearchResultEdgeType : ObjectGraphType<Edge>
{
    public SearchResultEdgeType()
    {
        Name = "SearchEdge";
        Description = "One search result with its relevance.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this result.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<SearchResultType>>("node").Description("The thing found.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance, higher is better; comparable within one search only. Words in a name count more than words elsewhere, an exact or leading name match adds a bonus, and things more lists mention win ties.")
            .Resolve(c => ((SearchHit)c.Source.Item).Score);
    }
}
