using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's ListStringOperationFilterInput: conditions on a list of texts.</summary>
internal sealed class ListStringOperationFilterInputType : InputObjectGraphType
{
    public ListStringOperationFilterInputType()
    {
        Name = "ListStringOperationFilterInput";
        Description = "Conditions on a list of texts.";
        Field<StringOperationFilterInputType>("all").Description("Every element satisfies this condition (true for an empty list).");
        Field<StringOperationFilterInputType>("none").Description("No element satisfies this condition.");
        Field<StringOperationFilterInputType>("some").Description("At least one element satisfies this condition.");
        Field<BooleanGraphType>("any").Description("true: the list has at least one element; false: the list is empty.");
    }
}
