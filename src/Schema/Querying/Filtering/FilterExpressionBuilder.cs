using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Schema.Querying.Filtering;

/// <summary>
/// Turns a HotChocolate-style `where` argument into a predicate EF Core translates to SQL, so
/// nothing is filtered in memory. Values travel as SQL parameters; text matching uses LIKE with
/// the client's wildcards escaped, so `%`, `_` and `[` match literally.
/// </summary>
internal static class FilterExpressionBuilder
{
    /// <summary>Nesting deeper than this is refused: real filters are shallow, and a deep one is an attack on the planner.</summary>
    public const int MaxDepth = 8;

    /// <summary>Longest text a filter operator accepts.</summary>
    public const int MaxTextLength = 1000;

    private const char LikeEscape = '\\';

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo EnumerableAny = GetEnumerableMethod(nameof(Enumerable.Any), 1);
    private static readonly MethodInfo EnumerableAnyWith = GetEnumerableMethod(nameof(Enumerable.Any), 2);
    private static readonly MethodInfo EnumerableAll = GetEnumerableMethod(nameof(Enumerable.All), 2);
    private static readonly MethodInfo EnumerableContains = GetEnumerableMethod(nameof(Enumerable.Contains), 2);

    /// <summary>The predicate for <paramref name="where"/>, or null when there is nothing to filter.</summary>
    public static Expression<Func<T, bool>>? Build<T>(IEntityModel model, object? where)
    {
        if (where is null) return null;
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(BuildObject(model, AsObject(where, model.GraphName + "FilterInput"), parameter, 0), parameter);
    }

    /// <summary>The same predicate as an untyped lambda over the entity, for composing into nested queries.</summary>
    public static LambdaExpression? BuildLambda(IEntityModel model, object? where)
    {
        if (where is null) return null;
        var parameter = Expression.Parameter(model.EntityType, "x");
        return Expression.Lambda(BuildObject(model, AsObject(where, model.GraphName + "FilterInput"), parameter, 0), parameter);
    }

    private static Expression BuildObject(IEntityModel model, IDictionary<string, object?> where, Expression target, int depth)
    {
        if (depth > MaxDepth)
            throw new QueryError(QueryError.InvalidFilter, $"The filter nests deeper than {MaxDepth} levels.");
        var parts = new List<Expression>();
        foreach (var (name, value) in where)
        {
            if (value is null) continue;
            switch (name)
            {
                case "and":
                    parts.Add(Combine(AsList(value, "and").Cast<object?>().Select(v => BuildObject(model, AsObject(v, "and"), target, depth + 1)), Expression.AndAlso, true));
                    continue;
                case "or":
                    parts.Add(Combine(AsList(value, "or").Cast<object?>().Select(v => BuildObject(model, AsObject(v, "or"), target, depth + 1)), Expression.OrElse, false));
                    continue;
                case "id" when model.IsNode:
                    parts.Add(BuildId(model, ExpressionRebinder.Inline(model.Id, target), AsObject(value, name)));
                    continue;
            }

            var scalar = model.Scalars.FirstOrDefault(s => s.Name == name && s.Capabilities.HasFlag(Capabilities.Filter));
            if (scalar is not null)
            {
                parts.Add(BuildOperations(scalar.Kind, ExpressionRebinder.Inline(scalar.Expression, target), AsObject(value, name), name, depth + 1));
                continue;
            }

            var list = model.Lists.FirstOrDefault(l => l.Name == name)
                ?? throw new QueryError(QueryError.InvalidFilter, $"{model.GraphName} has no filterable field '{name}'.");
            parts.Add(BuildList(list, ExpressionRebinder.Inline(list.Navigation, target), AsObject(value, name), depth + 1));
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    /// <summary>
    /// Global ids compared as database ids. An id of another type names no row of this one, so eq matches nothing
    /// and neq everything; a malformed id is the client's mistake and an error, as in HotChocolate.
    /// </summary>
    private static Expression BuildId(IEntityModel model, Expression member, IDictionary<string, object?> operations)
    {
        var parts = new List<Expression>();
        foreach (var (op, argument) in operations)
        {
            switch (op)
            {
                case "eq" or "neq":
                    if (argument is null)
                    {
                        parts.Add(Expression.Constant(op == "neq"));  // every row has an id
                        continue;
                    }

                    var id = DecodeId(model, argument, op);
                    Expression equal = id is null ? Expression.Constant(false) : Expression.Equal(member, QueryParameter.Of(id.Value, typeof(int)));
                    parts.Add(op == "eq" ? equal : Expression.Not(equal));
                    continue;
                case "in" or "nin":
                    if (argument is null) continue;
                    var ids = AsList(argument, op).Cast<object?>().Select(v => DecodeId(model, v, op)).OfType<int>().Distinct().ToList();
                    Expression set = ids.Count == 0 ? Expression.Constant(false)
                        : Expression.Call(EnumerableContains.MakeGenericMethod(typeof(int)), QueryParameter.Of(ids, typeof(List<int>)), member);
                    parts.Add(op == "in" ? set : Expression.Not(set));
                    continue;
                default:
                    throw new QueryError(QueryError.InvalidFilter, $"'{op}' is not an operation of 'id'.");
            }
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    private static int? DecodeId(IEntityModel model, object? value, string op)
    {
        var text = value?.ToString();
        if (text is not null && text.Length > MaxTextLength)
            throw new QueryError(QueryError.InvalidFilter, $"Filter 'id.{op}' is {text.Length} characters long; the limit is {MaxTextLength}.");
        var decoded = Nodes.NodeId.TryDecode(text)
            ?? throw new QueryError(QueryError.InvalidFilter, $"Filter 'id.{op}' got '{Paging.Cursor.Describe(text ?? "null")}', which is not a global id.");
        return decoded.TypeName == model.GraphName ? decoded.Id : null;
    }

    private static Expression BuildList(ListMember list, Expression source, IDictionary<string, object?> operations, int depth)
    {
        var parts = new List<Expression>();
        foreach (var (op, value) in operations)
        {
            if (value is null) continue;
            if (op == "any")
            {
                var any = Expression.Call(EnumerableAny.MakeGenericMethod(list.ElementType), source);
                parts.Add((bool)value ? any : Expression.Not(any));
                continue;
            }

            var element = Expression.Parameter(list.ElementType, "e");
            var body = list.ElementModel is { } model
                ? BuildObject(model(), AsObject(value, op), element, depth + 1)
                : BuildOperations(MemberKind.String, element, AsObject(value, op), list.Name, depth + 1);
            var predicate = Expression.Lambda(body, element);
            parts.Add(op switch
            {
                "some" => Expression.Call(EnumerableAnyWith.MakeGenericMethod(list.ElementType), source, predicate),
                "none" => Expression.Not(Expression.Call(EnumerableAnyWith.MakeGenericMethod(list.ElementType), source, predicate)),
                "all" => Expression.Call(EnumerableAll.MakeGenericMethod(list.ElementType), source, predicate),
                _ => throw new QueryError(QueryError.InvalidFilter, $"'{op}' is not a list operation; use all, none, some or any."),
            });
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    private static Expression BuildOperations(MemberKind kind, Expression member, IDictionary<string, object?> operations, string field, int depth)
    {
        if (depth > MaxDepth)
            throw new QueryError(QueryError.InvalidFilter, $"The filter nests deeper than {MaxDepth} levels.");
        // Every comparison runs on the nullable form, so eq: null works on any member.
        var type = member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null
            ? typeof(Nullable<>).MakeGenericType(member.Type)
            : member.Type;
        var value = member.Type == type ? member : Expression.Convert(member, type);
        var parts = new List<Expression>();
        foreach (var (op, argument) in operations)
        {
            switch (op)
            {
                case "and":
                    if (argument is null) continue;
                    parts.Add(Combine(AsList(argument, op).Cast<object?>().Select(v => BuildOperations(kind, member, AsObject(v, op), field, depth + 1)), Expression.AndAlso, true));
                    continue;
                case "or":
                    if (argument is null) continue;
                    parts.Add(Combine(AsList(argument, op).Cast<object?>().Select(v => BuildOperations(kind, member, AsObject(v, op), field, depth + 1)), Expression.OrElse, false));
                    continue;
                case "eq":
                    parts.Add(Expression.Equal(value, Parameter(argument, type, field, op)));
                    continue;
                case "neq":
                    parts.Add(Expression.NotEqual(value, Parameter(argument, type, field, op)));
                    continue;
                case "in":
                case "nin":
                    if (argument is null) continue;
                    var set = In(value, type, AsList(argument, op), field, op);
                    parts.Add(op == "in" ? set : Expression.Not(set));
                    continue;
            }

            if (argument is null)
                throw new QueryError(QueryError.InvalidFilter, $"Filter '{field}.{op}' needs a value; null is only meaningful for eq and neq.");

            parts.Add(kind switch
            {
                MemberKind.String => StringOperation(value, op, (string)argument, field),
                MemberKind.Int => IntOperation(value, op, argument, type, field),
                _ => throw new QueryError(QueryError.InvalidFilter, $"'{op}' is not an operation of '{field}'."),
            });
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    private static Expression StringOperation(Expression member, string op, string text, string field)
    {
        CheckLength(text, field, op);
        var escaped = EscapeLike(text);
        var (pattern, negated) = op switch
        {
            "contains" => ($"%{escaped}%", false),
            "ncontains" => ($"%{escaped}%", true),
            "startsWith" => ($"{escaped}%", false),
            "nstartsWith" => ($"{escaped}%", true),
            "endsWith" => ($"%{escaped}", false),
            "nendsWith" => ($"%{escaped}", true),
            _ => throw new QueryError(QueryError.InvalidFilter, $"'{op}' is not an operation of '{field}'."),
        };
        Expression like = Expression.Call(LikeMethod, Expression.Constant(EF.Functions), member,
            QueryParameter.Of(pattern, typeof(string)), Expression.Constant(LikeEscape.ToString()));
        // An absent value contains nothing, so it satisfies every negated text operation.
        return negated
            ? Expression.OrElse(Expression.Equal(member, Expression.Constant(null, typeof(string))), Expression.Not(like))
            : like;
    }

    private static Expression IntOperation(Expression member, string op, object argument, Type type, string field)
    {
        var bound = Parameter(argument, type, field, op);
        return op switch
        {
            "gt" => Expression.GreaterThan(member, bound),
            "ngt" => Expression.Not(Expression.GreaterThan(member, bound)),
            "gte" => Expression.GreaterThanOrEqual(member, bound),
            "ngte" => Expression.Not(Expression.GreaterThanOrEqual(member, bound)),
            "lt" => Expression.LessThan(member, bound),
            "nlt" => Expression.Not(Expression.LessThan(member, bound)),
            "lte" => Expression.LessThanOrEqual(member, bound),
            "nlte" => Expression.Not(Expression.LessThanOrEqual(member, bound)),
            _ => throw new QueryError(QueryError.InvalidFilter, $"'{op}' is not an operation of '{field}'."),
        };
    }

    private static Expression In(Expression member, Type type, IList values, string field, string op)
    {
        if (values.Count == 0) return Expression.Constant(false);
        var typed = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        foreach (var v in values)
        {
            if (v is string s) CheckLength(s, field, op);
            typed.Add(Convert(v, type, field, op));
        }

        return Expression.Call(EnumerableContains.MakeGenericMethod(type), QueryParameter.Of(typed, typed.GetType()), member);
    }

    private static Expression Parameter(object? argument, Type type, string field, string op)
    {
        if (argument is string s) CheckLength(s, field, op);
        return QueryParameter.Of(Convert(argument, type, field, op), type);
    }

    private static object? Convert(object? value, Type type, string field, string op)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value)) return value;
        try
        {
            return target.IsEnum ? Enum.Parse(target, value.ToString()!, ignoreCase: true) : System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new QueryError(QueryError.InvalidFilter, $"Filter '{field}.{op}' got '{value}', which is not a valid {target.Name}.");
        }
    }

    private static void CheckLength(string text, string field, string op)
    {
        // SQLite's LIKE reads its pattern as a C string, so a NUL ends it ("%\0%" becomes "%" and matches every row),
        // and SQL Server's Windows collations give NUL no weight at all; no stored text holds one, so it is refused.
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new QueryError(QueryError.InvalidFilter, $"Filter '{field}.{op}' contains a NUL character (U+0000), which no text here contains.");
        if (text.Length > MaxTextLength)
            throw new QueryError(QueryError.InvalidFilter, $"Filter '{field}.{op}' is {text.Length} characters long; the limit is {MaxTextLength}.");
    }

    /// <summary>Escapes LIKE's wildcards, and '[' which SQL Server also treats as one, so client text matches literally.</summary>
    internal static string EscapeLike(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '%' or '_' or '[' or LikeEscape) builder.Append(LikeEscape);
            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Joins the parts as a balanced tree, not a chain: EF Core's visitors recurse once per level, so a chain of a few
    /// thousand ors overflows the stack (which no catch survives), while a balanced tree is only log2(n) deep.
    /// </summary>
    private static Expression Combine(IEnumerable<Expression> parts, Func<Expression, Expression, BinaryExpression> join, bool empty)
    {
        var level = parts.ToList();
        if (level.Count == 0) return Expression.Constant(empty);
        while (level.Count > 1)
        {
            var next = new List<Expression>((level.Count + 1) / 2);
            for (var i = 0; i + 1 < level.Count; i += 2) next.Add(join(level[i], level[i + 1]));
            if (level.Count % 2 == 1) next.Add(level[^1]);
            level = next;
        }

        return level[0];
    }

    private static IDictionary<string, object?> AsObject(object? value, string field) =>
        value as IDictionary<string, object?>
        ?? throw new QueryError(QueryError.InvalidFilter, $"Filter '{field}' expects an object.");

    private static IList AsList(object value, string field) =>
        value as IList ?? throw new QueryError(QueryError.InvalidFilter, $"Filter '{field}' expects a list.");

    private static MethodInfo GetEnumerableMethod(string name, int parameters) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters);
}
