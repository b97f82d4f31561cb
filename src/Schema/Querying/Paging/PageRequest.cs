using GraphQL;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>
/// The validated paging arguments of one connection field, plus which parts of the answer the client selected.
/// <paramref name="KeepLast"/> is `last` given together with `first`: the Relay algorithm HotChocolate follows
/// slices the first `first` edges, then keeps the last `last` of those.
/// </summary>
internal sealed record PageRequest(int Size, bool Backward, string? After, string? Before, bool WantsTotalCount, bool WantsHasPrevious, bool WantsHasNext, int? KeepLast = null)
{
    /// <summary>The field this page is of (Type.field), part of every cursor so one from another list is refused.</summary>
    public string Field { get; init; } = "";

    /// <summary>Every row of a plain list (no page: the compiler writes no limit, so no row is ever "more").</summary>
    public static PageRequest All(string field) => new(int.MaxValue, false, null, null, false, false, false) { Field = field };

    public static PageRequest From(IResolveFieldContext context, PagingOptions options) =>
        From(context.Arguments, Selection.Of(context), $"{context.ParentType.Name}.{context.FieldDefinition.Name}", options);

    /// <summary>The same from coerced arguments, for a field the planner reads ahead of its resolver.</summary>
    public static PageRequest From(IDictionary<string, GraphQL.Execution.ArgumentValue>? arguments, Selection selection, string field, PagingOptions options)
    {
        var first = Argument<int?>(arguments, "first");
        var last = Argument<int?>(arguments, "last");
        // 0 is a valid page size (the `first: 0 { totalCount }` count idiom); HotChocolate refuses only negatives.
        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value is { } n && (n < 0 || n > options.MaxPageSize))
                throw new QueryError(n < 0 ? QueryError.MinPaginationItems : QueryError.MaxPaginationItems, $"{name} must be between 0 and {options.MaxPageSize}; got {n}.");
        }

        var size = first ?? last ?? options.DefaultPageSize;

        var pageInfo = selection.Child("pageInfo");
        return new PageRequest(
            size,
            first is null && last is not null,
            Argument<string?>(arguments, "after"),
            Argument<string?>(arguments, "before"),
            selection.Has("totalCount"),
            pageInfo.Has("hasPreviousPage"),
            pageInfo.Has("hasNextPage"),
            first is not null ? last : null)
        {
            Field = field,
        };
    }

    private static T? Argument<T>(IDictionary<string, GraphQL.Execution.ArgumentValue>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.Value is T typed ? typed : default;

    /// <summary>Part of a batch key: requests that differ here need different SQL.</summary>
    public override string ToString() =>
        $"{(Backward ? "last" : "first")}={Size};keepLast={KeepLast};after={After};before={Before};total={WantsTotalCount};prev={WantsHasPrevious};next={WantsHasNext}";
}
