using GraphQL.Types;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Keywords;

/// <summary>The root fields for keywords.</summary>
internal sealed class KeywordQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.ConnectionField<object?, KeywordType>("keywords", "Keywords, environments and tasks. Ordered by id unless `order` is given.")
            .ResolvePage(KeywordType.All);
}
