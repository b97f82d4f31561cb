using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's BooleanOperationFilterInput.</summary>
internal sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Description = "Conditions on a true/false value.";
        Field<ListGraphType<NonNullGraphType<BooleanOperationFilterInputType>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<BooleanOperationFilterInputType>>>("or").Description("At least one of these conditions holds.");
        Field<BooleanGraphType>("eq").Description("Equal to.");
        Field<BooleanGraphType>("neq").Description("Not equal to.");
    }
}
