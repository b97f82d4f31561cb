using GraphQL.Types;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Codebases;

/// <summary>The root fields for codebases.</summary>
internal sealed class CodebaseQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.ConnectionField<object?, CodebaseType>("codebases", "Code repositories and project pages. Ordered by id unless `order` is given.")
            .ResolvePage(CodebaseType.All);
}
