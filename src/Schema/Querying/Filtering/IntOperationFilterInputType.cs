using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's IntOperationFilterInput.</summary>
internal sealed class IntOperationFilterInputType : InputObjectGraphType
{
    public IntOperationFilterInputType()
    {
        Name = "IntOperationFilterInput";
        Description = "Conditions on a whole number. An absent value (null) satisfies only eq: null, neq with a number, and nin.";
        Field<ListGraphType<NonNullGraphType<IntOperationFilterInputType>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<IntOperationFilterInputType>>>("or").Description("At least one of these conditions holds.");
        Field<IntGraphType>("eq").Description("Equal to (null: the value is absent).");
        Field<IntGraphType>("neq").Description("Not equal to (null: the value is present).");
        Field<ListGraphType<IntGraphType>>("in").Description("One of these numbers; an empty list matches nothing.");
        Field<ListGraphType<IntGraphType>>("nin").Description("None of these numbers; an empty list matches everything.");
        Field<IntGraphType>("gt").Description("Greater than.");
        Field<IntGraphType>("ngt").Description("Not greater than.");
        Field<IntGraphType>("gte").Description("Greater than or equal to.");
        Field<IntGraphType>("ngte").Description("Not greater than or equal to.");
        Field<IntGraphType>("lt").Description("Less than.");
        Field<IntGraphType>("nlt").Description("Not less than.");
        Field<IntGraphType>("lte").Description("Less than or equal to.");
        Field<IntGraphType>("nlte").Description("Not less than or equal to.");
    }
}
