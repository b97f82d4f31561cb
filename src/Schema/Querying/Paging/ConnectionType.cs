using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>A HotChocolate-shaped connection: edges, nodes, pageInfo and totalCount. Its name follows its edge's ("PapersEdge" → "PapersConnection").</summary>
internal sealed class ConnectionType<TNodeGraphType, TEdgeType> : ObjectGraphType<Page>
    where TNodeGraphType : IGraphType, IEntityGraphType
    where TEdgeType : EdgeType<TNodeGraphType>, new()
{
    public ConnectionType()
    {
        var listName = new TEdgeType().Name[..^"Edge".Length];
        Name = $"{listName}Connection";
        Description = $"A page of {TNodeGraphType.Model.GraphName} items with cursors for the next and previous pages.";
        Field<ListGraphType<NonNullGraphType<TEdgeType>>>("edges").Description("The page's edges, in order.").Resolve(c => c.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes").Description("The page's items, in order (the edges' nodes, without cursors).").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Whether more pages exist, and the cursors to reach them.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of items matching the filter across all pages (counted only when selected).")
            .Resolve(c => c.Source.TotalCount ?? 0);
    }
}
