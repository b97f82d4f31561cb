using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>HotChocolate's {Entity}FilterInput, generated from the entity's declared model.</summary>
internal sealed class FilterInputType<TEntityGraphType> : InputObjectGraphType
    where TEntityGraphType : IEntityGraphType
{
    public FilterInputType()
    {
        var model = TEntityGraphType.Model;
        Name = $"{model.GraphName}FilterInput";
        Description = $"Conditions on a {model.GraphName}. Fields set in one object must all hold; use or for alternatives. "
            + "An empty and: [] holds for everything, an empty or: [] for nothing.";
        Field<ListGraphType<NonNullGraphType<FilterInputType<TEntityGraphType>>>>("and").Description("All of these filters hold.");
        Field<ListGraphType<NonNullGraphType<FilterInputType<TEntityGraphType>>>>("or").Description("At least one of these filters holds.");
        // HotChocolate infers the id of every node type as an IdOperationFilterInput over global ids.
        if (model.IsNode) Field<IdOperationFilterInputType>("id").Description($"The {model.GraphName}'s global id.");
        foreach (var member in model.Scalars.Where(s => s.Capabilities.HasFlag(Capabilities.Filter)))
        {
            AddField(new FieldType
            {
                Name = member.Name,
                Description = member.Description,
                Type = member.Kind switch
                {
                    MemberKind.String => typeof(StringOperationFilterInputType),
                    MemberKind.Int => typeof(IntOperationFilterInputType),
                    MemberKind.Boolean => typeof(BooleanOperationFilterInputType),
                    MemberKind.Enum => typeof(EnumOperationFilterInputType<>).MakeGenericType(member.EnumGraphType!),
                    _ => throw new InvalidOperationException($"No filter input for {member.Kind}."),
                },
            });
        }

        foreach (var list in model.Lists)
        {
            AddField(new FieldType
            {
                Name = list.Name,
                Description = list.Description,
                Type = list.ElementGraphType is null
                    ? typeof(ListStringOperationFilterInputType)
                    : typeof(ListFilterInputType<>).MakeGenericType(typeof(FilterInputType<>).MakeGenericType(list.ElementGraphType)),
            });
        }
    }
}
