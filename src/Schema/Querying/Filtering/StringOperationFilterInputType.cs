using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's StringOperationFilterInput, with the same operator names.</summary>
internal sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a text value. Every comparison is case-insensitive (ASCII letters on SQLite, all letters on SQL Server); "
            + "contains/startsWith/endsWith match their argument literally, wildcards included. Several operators in one object must all hold.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("or").Description("At least one of these conditions holds.");
        Field<StringGraphType>("eq").Description("Equal to this text (null: the value is absent).");
        Field<StringGraphType>("neq").Description("Not equal to this text (null: the value is present).");
        Field<StringGraphType>("contains").Description("Contains this text.");
        Field<StringGraphType>("ncontains").Description("Does not contain this text.");
        Field<ListGraphType<StringGraphType>>("in").Description("Equal to one of these texts; an empty list matches nothing.");
        Field<ListGraphType<StringGraphType>>("nin").Description("Equal to none of these texts; an empty list matches everything.");
        Field<StringGraphType>("startsWith").Description("Starts with this text.");
        Field<StringGraphType>("nstartsWith").Description("Does not start with this text.");
        Field<StringGraphType>("endsWith").Description("Ends with this text.");
        Field<StringGraphType>("nendsWith").Description("Does not end with this text.");
    }
}
