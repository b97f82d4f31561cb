using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's ListFilterInputTypeOf{X}FilterInput: conditions on related entities.</summary>
internal sealed class ListFilterInputType<TElementFilter> : InputObjectGraphType
    where TElementFilter : IInputObjectGraphType, new()
{
    public ListFilterInputType()
    {
        var element = new TElementFilter().Name;
        Name = $"ListFilterInputTypeOf{element}";
        Description = $"Conditions on a list of related items, each tested with {element}.";
        Field<TElementFilter>("all").Description("Every related item satisfies this filter (true when there are none).");
        Field<TElementFilter>("none").Description("No related item satisfies this filter.");
        Field<TElementFilter>("some").Description("At least one related item satisfies this filter.");
        Field<BooleanGraphType>("any").Description("true: there is at least one related item; false: there are none.");
    }
}
