using System.Linq.Expressions;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>
/// "Rows after (or before) this cursor" as a predicate on the sort keys, so a deep page is an index
/// seek like the first page instead of an OFFSET scan. NULLs sort lowest on both providers
/// (first ascending, last descending), and the predicate follows that rule.
/// </summary>
internal static class Keyset
{
    /// <summary>Rows strictly after (forward) or strictly before (backward) the cursor position.</summary>
    public static LambdaExpression Beyond(SortOrder order, object?[] values, bool forward)
    {
        var parameter = Expression.Parameter(order.Keys[0].Key.Parameters[0].Type, "r");
        Expression? result = null;
        for (var i = order.Keys.Count - 1; i >= 0; i--)
        {
            var key = order.Keys[i];
            var member = ExpressionRebinder.Inline(key.Key, parameter);
            var value = values[i];
            var ascending = key.Descending != forward;  // forward over DESC = moving to lower values
            var strictly = Strictly(member, value, !ascending, key.IsNullable);
            // (k_i beyond v_i) OR (k_i = v_i AND rest beyond)
            result = result is null ? strictly : Expression.OrElse(strictly, Expression.AndAlso(Equal(member, value), result));
        }

        return Expression.Lambda(result!, parameter);
    }

    /// <summary>member is strictly greater (or, when <paramref name="lower"/>, strictly less) than value, NULL being the lowest value.</summary>
    private static Expression Strictly(Expression member, object? value, bool lower, bool nullable)
    {
        if (value is null)
            return lower ? Expression.Constant(false) : Expression.NotEqual(member, Expression.Constant(null, member.Type));
        var bound = QueryParameter.Of(value, member.Type);
        var compare = Compare(member, bound, lower);
        return lower && nullable ? Expression.OrElse(Expression.Equal(member, Expression.Constant(null, member.Type)), compare) : compare;
    }

    private static Expression Compare(Expression member, Expression bound, bool lower)
    {
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        if (type == typeof(bool))
        {
            // false < true; expression trees have no ordering operators on bool.
            var value = member.Type == typeof(bool) ? member : Expression.Convert(member, typeof(bool));
            var other = bound.Type == typeof(bool) ? bound : Expression.Convert(bound, typeof(bool));
            return lower
                ? Expression.AndAlso(Expression.Not(value), other)
                : Expression.AndAlso(value, Expression.Not(other));
        }

        if (type == typeof(string) || type.IsEnum)
        {
            // string.Compare and value-converted enums are translated by EF Core to plain SQL comparisons.
            var left = type.IsEnum ? (Expression)Expression.Call(member, typeof(object).GetMethod(nameof(ToString))!) : member;
            var right = type.IsEnum ? (Expression)Expression.Call(bound, typeof(object).GetMethod(nameof(ToString))!) : bound;
            var call = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            return lower ? Expression.LessThan(call, Expression.Constant(0)) : Expression.GreaterThan(call, Expression.Constant(0));
        }

        return lower ? Expression.LessThan(member, bound) : Expression.GreaterThan(member, bound);
    }

    private static Expression Equal(Expression member, object? value) =>
        value is null
            ? Expression.Equal(member, Expression.Constant(null, member.Type))
            : Expression.Equal(member, QueryParameter.Of(value, member.Type));
}
