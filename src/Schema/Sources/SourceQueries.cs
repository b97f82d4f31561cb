using RlhfGraph.Schema.Querying;
using GraphQL.Types;

namespace RlhfGraph.Schema.Sources;

/// <summary>The root fields for the lists themselves.</summary>
internal sealed class SourceQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources")
            .Description("The lists the graph was imported from, by name.")
            .ResolveRootList(SourceType.All);
}
