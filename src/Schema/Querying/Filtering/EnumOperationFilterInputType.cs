using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's {Enum}OperationFilterInput, one per enum type.</summary>
internal sealed class EnumOperationFilterInputType<TEnumGraphType> : InputObjectGraphType
    where TEnumGraphType : IGraphType, new()
{
    public EnumOperationFilterInputType()
    {
        var enumName = new TEnumGraphType().Name;
        Name = $"{enumName}OperationFilterInput";
        Description = $"Conditions on a {enumName} value.";
        Field<ListGraphType<NonNullGraphType<EnumOperationFilterInputType<TEnumGraphType>>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<EnumOperationFilterInputType<TEnumGraphType>>>>("or").Description("At least one of these conditions holds.");
        Field<TEnumGraphType>("eq").Description("Equal to.");
        Field<TEnumGraphType>("neq").Description("Not equal to.");
        Field<ListGraphType<NonNullGraphType<TEnumGraphType>>>("in").Description("One of these values; an empty list matches nothing.");
        Field<ListGraphType<NonNullGraphType<TEnumGraphType>>>("nin").Description("None of these values; an empty list matches everything.");
    }
}
