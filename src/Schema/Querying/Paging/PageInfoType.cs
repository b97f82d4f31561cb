using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>Relay's PageInfo, as HotChocolate exposes it.</summary>
internal sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the whole filtered list.";
        Field(p => p.HasNextPage).Description("More items follow this page (pass endCursor as after to get them).");
        Field(p => p.HasPreviousPage).Description("Items precede this page (pass startCursor as before, with last, to get them).");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first edge of this page; null when the page is empty.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last edge of this page; null when the page is empty.");
    }
}
