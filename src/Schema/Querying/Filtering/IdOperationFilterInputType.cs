using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's IdOperationFilterInput: equality and membership over global ids.</summary>
internal sealed class IdOperationFilterInputType : InputObjectGraphType
{
    public IdOperationFilterInputType()
    {
        Name = "IdOperationFilterInput";
        Description = "Conditions on a global id (as the id field returns it). An id of another type matches nothing; a malformed id is an error.";
        Field<IdGraphType>("eq").Description("Equal to this id.");
        Field<IdGraphType>("neq").Description("Not equal to this id.");
        Field<ListGraphType<IdGraphType>>("in").Description("One of these ids; an empty list matches nothing.");
        Field<ListGraphType<IdGraphType>>("nin").Description("None of these ids; an empty list matches everything.");
    }
}
