using GraphQL.Types;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Datasets;

/// <summary>The root fields for datasets.</summary>
internal sealed class DatasetQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.ConnectionField<object?, DatasetType>("datasets", "Datasets named by the lists. Ordered by id unless `order` is given.")
            .ResolvePage(DatasetType.All);
}
