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
            + "(and, within one object, in field order); the id is always the final tie-breaker, so paging is stable.";
        foreach (var member in model.Scalars.Where(s => s.Capabilities.HasFlag(Capabilities.Sort)))
            Field<SortEnumType>(member.Name).Description(member.Description);
    }
}
