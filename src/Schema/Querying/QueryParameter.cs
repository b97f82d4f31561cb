using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying;

/// <summary>
/// Wraps a client value so EF Core sends it as a SQL parameter rather than inlining a literal:
/// plans are reused and no client text ever becomes SQL.
/// </summary>
internal static class QueryParameter
{
    public static Expression Of(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
