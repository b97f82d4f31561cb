using GraphQL;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>The validated paging arguments of one connection field, plus which parts of the answer the client selected.</summary>
internal sealed record PageRequest(int Size, bool Backward, string? After, string? Before, bool WantsTotalCount, bool WantsHasPrevious, bool WantsHasNext)
{
    public static PageRequest From(IResolveFieldContext context, PagingOptions options)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
            throw new QueryError(QueryError.InvalidPaging, "Pass either first or last, not both.");
        var size = first ?? last ?? options.DefaultPageSize;
        if (size < 1 || size > options.MaxPageSize)
            throw new QueryError(QueryError.InvalidPaging,
                $"{(first is not null ? "first" : "last")} must be between 1 and {options.MaxPageSize}; got {size}.");

        var selection = Selection.Of(context);
        var pageInfo = selection.Child("pageInfo");
        return new PageRequest(
            size,
            last is not null,
            context.GetArgument<string?>("after"),
            context.GetArgument<string?>("before"),
            selection.Has("totalCount"),
            pageInfo.Has("hasPreviousPage"),
            pageInfo.Has("hasNextPage"));
    }

    /// <summary>Part of a batch key: requests that differ here need different SQL.</summary>
    public override string ToString() =>
        $"{(Backward ? "last" : "first")}={Size};after={After};before={Before};total={WantsTotalCount};prev={WantsHasPrevious};next={WantsHasNext}";
}
