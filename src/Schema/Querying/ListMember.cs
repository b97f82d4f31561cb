using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying;

/// <summary>
/// A to-many member filtered with all/none/some/any: either related entities (ElementGraphType set) or
/// plain strings (ElementGraphType null), reached by a navigation expression EF Core can translate.
/// </summary>
internal sealed record ListMember(
    string Name,
    string Description,
    LambdaExpression Navigation,
    Type ElementType,
    Type? ElementGraphType,
    Func<IEntityModel>? ElementModel);
