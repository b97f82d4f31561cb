using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying;

/// <summary>Inlines a lambda's body with its parameter replaced, so member expressions compose into one EF-translatable tree.</summary>
internal static class ExpressionRebinder
{
    public static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new Replacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class Replacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
