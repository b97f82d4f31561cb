using GraphQL.Types;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Authors;

/// <summary>The root fields for authors.</summary>
internal sealed class AuthorQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.ConnectionField<object?, AuthorType>("authors", "People and organisations credited on papers or codebases. Ordered by id unless `order` is given.")
            .ResolvePage(AuthorType.All, db => db.Authors);
}
