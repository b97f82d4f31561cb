using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying;

/// <summary>A scalar member of an entity: its GraphQL name, the expression that reads it, and what clients may do with it.</summary>
internal sealed record ScalarMember(
    string Name,
    string Description,
    LambdaExpression Expression,
    MemberKind Kind,
    Capabilities Capabilities,
    Type? EnumGraphType,
    bool Required)
{
    public Type ClrType => Expression.ReturnType;

    public bool IsNullable => !ClrType.IsValueType || Nullable.GetUnderlyingType(ClrType) is not null;
}
