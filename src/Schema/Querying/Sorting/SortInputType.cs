using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Sorting;

/// <summary>HotChocolate's {Entity}SortInput, generated from the entity's declared model.</summary>
internal sealed class SortInputType<TEntityGraphType> : InputObjectGraphType
    where TEntityGraphType : IEntityGraphType
{
    public SortInputType()
    {
        var model = TEntityGraphType.Model;
        Name = $"{model.GraphName}SortInput";
        Description = $"One or more sort keys for {model.GraphName} lists. In `order: [...]` the keys apply in list order "
            + "and, within one object, in the order they are written (as HotChocolate applies them); the id is always the final tie-breaker, so paging is stable.";
        // HotChocolate infers a sort field for the id of every node type.
        if (model.IsNode) Field<SortEnumType>("id").Description($"The {model.GraphName}'s id (the order in which the lists were first imported).");
        foreach (var member in model.Scalars.Where(s => s.Capabilities.HasFlag(Capabilities.Sort)))
            Field<SortEnumType>(member.Name).Description(member.Description);
    }
}
