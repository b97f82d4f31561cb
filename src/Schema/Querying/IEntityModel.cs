using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying;

/// <summary>The untyped face of <see cref="EntityModel{T}"/>, for nested filters whose element type is only known at run time.</summary>
internal interface IEntityModel
{
    string GraphName { get; }

    Type EntityType { get; }

    bool IsNode { get; }

    LambdaExpression Id { get; }

    IReadOnlyList<ScalarMember> Scalars { get; }

    IReadOnlyList<ListMember> Lists { get; }
}
