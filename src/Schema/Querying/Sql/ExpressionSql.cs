using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// Translates the planner's lambdas (filters, keyset bounds, sort keys, selected members) into SQL over EF Core's
/// model: member chains become columns, reference navigations joins, collections EXISTS subqueries, client values
/// parameters (through the column's value converter). Every predicate it writes is two-valued — never NULL — so NOT
/// means what it means in C#. Recursion follows the expression's depth, which the filter builder keeps logarithmic.
/// Anything outside that vocabulary is a <see cref="NotSupportedException"/>, and the field reads through EF instead.
/// </summary>
internal sealed class ExpressionSql(SqlBuilder sql)
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private readonly Dictionary<ParameterExpression, Term> _scope = [];

    private SqlDialect Dialect => sql.Dialect;

    /// <summary>A row source: a table alias of an entity type, and the FROM clause reference navigations join into.</summary>
    public sealed class Row(string alias, IEntityType type, From from) : Term
    {
        public string Alias => alias;

        public IEntityType Type => type;

        public From From => from;
    }

    /// <summary>A FROM clause: one table and the joins reference navigations add to it.</summary>
    public sealed class From(string table, string alias)
    {
        private readonly StringBuilder _text = new StringBuilder(table).Append(' ').Append(alias);
        private readonly Dictionary<(string, INavigation), Row> _joined = [];

        public override string ToString() => _text.ToString();

        public Row Join(Row row, INavigation navigation, SqlBuilder sql)
        {
            if (_joined.TryGetValue((row.Alias, navigation), out var known)) return known;
            if (!navigation.IsOnDependent || navigation.IsCollection) throw new NotSupportedException($"Navigation {navigation.Name} is not a reference to a principal.");
            var target = navigation.TargetEntityType;
            var alias = sql.Alias("j");
            var joined = new Row(alias, target, this);
            _text.Append(navigation.ForeignKey.IsRequired ? " INNER JOIN " : " LEFT JOIN ").Append(Table(target, sql.Dialect)).Append(' ').Append(alias).Append(" ON ");
            Keys(_text, joined, navigation.ForeignKey.PrincipalKey.Properties, row, navigation.ForeignKey.Properties, sql.Dialect);
            _joined[(row.Alias, navigation)] = joined;
            return joined;
        }
    }

    public abstract class Term;

    private sealed class Predicate(string text) : Term
    {
        public string Text => text;
    }

    private sealed class Scalar(string text, Type type, bool nullable, ValueConverter? converter) : Term
    {
        public string Text => text;

        public Type Type => type;

        public bool Nullable => nullable;

        public ValueConverter? Converter => converter;
    }

    private sealed class Value(object? content) : Term
    {
        public object? Content => content;
    }

    private sealed class Collection(Row owner, INavigation navigation, LambdaExpression? selector) : Term
    {
        public Row Owner => owner;

        public INavigation Navigation => navigation;

        public LambdaExpression? Selector => selector;
    }

    public static string Table(IEntityType type, SqlDialect dialect) =>
        dialect.Quote(type.GetTableName() ?? type.GetViewName() ?? throw new NotSupportedException($"{type.DisplayName()} has no table."));

    public static string Column(Row row, IProperty property, SqlDialect dialect)
    {
        var store = row.Type.GetTableName() is not null
            ? StoreObjectIdentifier.Create(row.Type, StoreObjectType.Table)
            : StoreObjectIdentifier.Create(row.Type, StoreObjectType.View);
        var name = store is { } s ? property.GetColumnName(s) : null;
        return $"{row.Alias}.{dialect.Quote(name ?? throw new NotSupportedException($"{property.Name} has no column."))}";
    }

    /// <summary>left.k1 = right.k1 AND …, for the key pairs of a relationship.</summary>
    public static void Keys(StringBuilder text, Row left, IReadOnlyList<IProperty> leftKeys, Row right, IReadOnlyList<IProperty> rightKeys, SqlDialect dialect)
    {
        for (var i = 0; i < leftKeys.Count; i++)
        {
            if (i > 0) text.Append(" AND ");
            text.Append(Column(left, leftKeys[i], dialect)).Append(" = ").Append(Column(right, rightKeys[i], dialect));
        }
    }

    /// <summary>The reference navigation <paramref name="name"/> of <paramref name="row"/>, joined into its FROM.</summary>
    public Row Reference(Row row, string name) =>
        row.From.Join(row, row.Type.FindNavigation(name) ?? throw new NotSupportedException($"{row.Type.DisplayName()} has no navigation {name}."), sql);

    /// <summary>The condition <paramref name="predicate"/> (a lambda over the row's entity) as SQL.</summary>
    public string Condition(LambdaExpression predicate, Row row) => Bound(predicate, row, body => AsPredicate(Translate(body)));

    /// <summary>
    /// The condition <paramref name="predicate"/> ((row's entity, key) => bool) as SQL, its key being
    /// <paramref name="key"/>, the SQL of a non-null int (a parent row's id).
    /// </summary>
    public string Condition(LambdaExpression predicate, Row row, string key)
    {
        var parameter = predicate.Parameters[1];
        _scope[parameter] = new Scalar(key, typeof(int), false, null);
        try
        {
            return Condition(Expression.Lambda(predicate.Body, predicate.Parameters[0]), row);
        }
        finally
        {
            _scope.Remove(parameter);
        }
    }

    /// <summary>The value of <paramref name="member"/> (a lambda over the row's entity) as a SQL expression, and how to read it back.</summary>
    public (string Sql, ValueConverter? Converter) Column(LambdaExpression member, Row row) =>
        Bound(member, row, body => Translate(body) switch
        {
            Scalar s => (s.Text, s.Converter),
            _ => throw new NotSupportedException($"{member} is not a column."),
        });

    private T Bound<T>(LambdaExpression lambda, Term argument, Func<Expression, T> translate)
    {
        var parameter = lambda.Parameters[0];
        _scope[parameter] = argument;
        try
        {
            return translate(lambda.Body);
        }
        finally
        {
            _scope.Remove(parameter);
        }
    }

    private Term Translate(Expression expression)
    {
        switch (expression)
        {
            case ParameterExpression parameter:
                return _scope.TryGetValue(parameter, out var bound) ? bound : throw new NotSupportedException($"Unbound parameter {parameter.Name}.");
            case ConstantExpression constant:
                return new Value(constant.Value);
            case MemberExpression member:
                return Member(member);
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                return Translate(convert.Operand) switch
                {
                    Scalar s => new Scalar(s.Text, convert.Type, s.Nullable, s.Converter),
                    Value v => new Value(v.Content),
                    var other => other,
                };
            case UnaryExpression { NodeType: ExpressionType.Not } not:
                var operand = Translate(not.Operand);
                return operand is Value { Content: bool b } ? new Value(!b) : new Predicate($"NOT ({AsPredicate(operand)})");
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
                return Logical(logical);
            case BinaryExpression binary:
                return Comparison(binary);
            case MethodCallExpression call:
                return Call(call);
            default:
                throw new NotSupportedException($"{expression.NodeType} is not translated.");
        }
    }

    private Term Member(MemberExpression member)
    {
        if (member.Expression is null) return new Value(Read(member.Member, null));
        switch (Translate(member.Expression))
        {
            case Value value:
                return new Value(value.Content is null ? null : Read(member.Member, value.Content));
            case Row row:
                if (row.Type.FindProperty(member.Member.Name) is { } property)
                    return new Scalar(Column(row, property, Dialect), property.ClrType, property.IsNullable, property.GetTypeMapping().Converter);
                var navigation = row.Type.FindNavigation(member.Member.Name) ?? throw new NotSupportedException($"{row.Type.DisplayName()}.{member.Member.Name} is not mapped.");
                return navigation.IsCollection ? new Collection(row, navigation, null) : row.From.Join(row, navigation, sql);
            default:
                throw new NotSupportedException($"Member {member.Member.Name} is not translated.");
        }
    }

    private static object? Read(MemberInfo member, object? target) => member switch
    {
        PropertyInfo property => property.GetValue(target),
        FieldInfo field => field.GetValue(target),
        _ => throw new NotSupportedException($"{member.Name} cannot be read."),
    };

    private Term Logical(BinaryExpression logical)
    {
        var and = logical.NodeType == ExpressionType.AndAlso;
        var left = Translate(logical.Left);
        var right = Translate(logical.Right);
        // Constant parts fold away: the keyset on a boolean key and empty in-lists produce them.
        if (left is Value { Content: bool l }) return l == and ? right : new Value(l);
        if (right is Value { Content: bool r }) return r == and ? left : new Value(r);
        return new Predicate($"({AsPredicate(left)} {(and ? "AND" : "OR")} {AsPredicate(right)})");
    }

    private Term Comparison(BinaryExpression binary)
    {
        var op = binary.NodeType;
        var (leftExpression, rightExpression) = (binary.Left, binary.Right);
        // string.Compare(a, b) > 0 is how the keyset says a > b on text (and on enums stored as their names).
        if (leftExpression is MethodCallExpression { Method.Name: nameof(string.Compare), Method.DeclaringType: var t, Arguments: [var a, var b] } && t == typeof(string)
            && Translate(rightExpression) is Value { Content: 0 })
            (leftExpression, rightExpression) = (a, b);
        var left = Translate(leftExpression);
        var right = Translate(rightExpression);
        if (left is Value && right is Scalar)
        {
            (left, right) = (right, left);
            op = Mirror(op);
        }

        return (left, right) switch
        {
            (Value x, Value y) when op is ExpressionType.Equal => new Value(Equals(x.Content, y.Content)),
            (Value x, Value y) when op is ExpressionType.NotEqual => new Value(!Equals(x.Content, y.Content)),
            (Scalar s, Value v) => Compare(s, op, v.Content),
            // One side never null (a key): a plain, indexable equality, kept two-valued.
            (Scalar x, Scalar y) when op is ExpressionType.Equal && !(x.Nullable && y.Nullable) =>
                new Predicate(x.Nullable || y.Nullable ? $"({(x.Nullable ? x : y).Text} IS NOT NULL AND {x.Text} = {y.Text})" : $"{x.Text} = {y.Text}"),
            (Scalar x, Scalar y) when op is ExpressionType.Equal =>
                new Predicate($"(({x.Text} IS NULL AND {y.Text} IS NULL) OR ({x.Text} IS NOT NULL AND {y.Text} IS NOT NULL AND {x.Text} = {y.Text}))"),
            _ => throw new NotSupportedException($"{op} of {left.GetType().Name} and {right.GetType().Name} is not translated."),
        };
    }

    private Term Compare(Scalar scalar, ExpressionType op, object? value)
    {
        sql.Term();
        if (value is null)
        {
            return op switch
            {
                ExpressionType.Equal => scalar.Nullable ? new Predicate($"{scalar.Text} IS NULL") : new Value(false),
                ExpressionType.NotEqual => scalar.Nullable ? new Predicate($"{scalar.Text} IS NOT NULL") : new Value(true),
                _ => new Value(false),  // a lifted comparison with null is false
            };
        }

        var parameter = sql.Parameter(Provider(value, scalar.Converter));
        var symbol = op switch
        {
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "<>",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            _ => throw new NotSupportedException($"{op} is not a comparison."),
        };
        var comparison = $"{scalar.Text} {symbol} {parameter}";
        if (!scalar.Nullable) return new Predicate(comparison);
        // C#: null != v is true and null compared with v is false; SQL would say NULL for both.
        return new Predicate(op == ExpressionType.NotEqual ? $"({scalar.Text} IS NULL OR {comparison})" : $"({scalar.Text} IS NOT NULL AND {comparison})");
    }

    private static ExpressionType Mirror(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => op,
    };

    private static object? Provider(object? value, ValueConverter? converter) =>
        value is null ? null : converter is not null ? converter.ConvertToProvider(value) : value is Enum e ? System.Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) : value;

    private Term Call(MethodCallExpression call)
    {
        var method = call.Method;
        if (method == Like)
        {
            var member = AsScalar(Translate(call.Arguments[1]));
            var pattern = sql.Parameter(Translate(call.Arguments[2]) is Value { Content: string p } ? p : throw new NotSupportedException("LIKE needs a text pattern."));
            var escape = Translate(call.Arguments[3]) is Value { Content: "\\" } ? "'\\'" : throw new NotSupportedException("Only the backslash escapes LIKE here.");
            var like = $"{member.Text} LIKE {pattern} ESCAPE {escape}";
            return new Predicate(member.Nullable ? $"({member.Text} IS NOT NULL AND {like})" : like);
        }

        if (method.Name == nameof(ToString) && call.Object is { } target && call.Arguments.Count == 0)
        {
            return Translate(target) switch
            {
                Value v => new Value(v.Content?.ToString()),
                // Enums are stored as their names, so the column already is the text.
                Scalar s when s.Converter?.ProviderClrType == typeof(string) => new Scalar(s.Text, typeof(string), s.Nullable, null),
                _ => throw new NotSupportedException("ToString of a column is not translated."),
            };
        }

        if (method.DeclaringType != typeof(Enumerable)) throw new NotSupportedException($"{method.Name} is not translated.");
        switch (method.Name)
        {
            case nameof(Enumerable.Contains) when call.Arguments.Count == 2:
                var values = Translate(call.Arguments[0]) is Value { Content: IEnumerable list } ? list : throw new NotSupportedException("Contains needs a list of values.");
                var operand = AsScalar(Translate(call.Arguments[1]));
                var items = new List<object?>();
                foreach (var item in values)
                {
                    if (item is not null) items.Add(Provider(item, operand.Converter));
                }

                if (items.Count == 0) return new Value(false);
                var numeric = items[0] is int or long;
                var parameter = sql.Parameter(System.Text.Json.JsonSerializer.Serialize(items));
                var inList = Dialect.InJsonArray(operand.Text, parameter, numeric);
                return new Predicate(operand.Nullable ? $"({operand.Text} IS NOT NULL AND {inList})" : inList);
            case nameof(Enumerable.Select) when Translate(call.Arguments[0]) is Collection { Selector: null } source:
                return new Collection(source.Owner, source.Navigation, Lambda(call.Arguments[1]));
            case nameof(Enumerable.Any) when call.Arguments.Count == 1:
                return Exists(Translate(call.Arguments[0]), null, all: false);
            case nameof(Enumerable.Any):
                return Exists(Translate(call.Arguments[0]), Lambda(call.Arguments[1]), all: false);
            case nameof(Enumerable.All):
                return Exists(Translate(call.Arguments[0]), Lambda(call.Arguments[1]), all: true);
            default:
                throw new NotSupportedException($"Enumerable.{method.Name} is not translated.");
        }
    }

    private static LambdaExpression Lambda(Expression expression) => expression switch
    {
        LambdaExpression lambda => lambda,
        UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression quoted } => quoted,
        _ => throw new NotSupportedException("A lambda was expected."),
    };

    /// <summary>EXISTS over a collection's rows (through its Select, if any) matching the predicate; All is NOT EXISTS of the opposite.</summary>
    private Predicate Exists(Term source, LambdaExpression? predicate, bool all)
    {
        sql.Term();
        if (source is not Collection collection) throw new NotSupportedException("Any/All need a mapped collection.");
        var navigation = collection.Navigation;
        var target = navigation.TargetEntityType;
        var alias = sql.Alias("e");
        var from = new From(Table(target, Dialect), alias);
        var row = new Row(alias, target, from);
        var element = collection.Selector is { } selector ? Bound(selector, row, Translate) : row;
        var condition = predicate is null ? null : Bound(predicate, element, body => AsPredicate(Translate(body)));
        var keys = navigation.ForeignKey.Properties;
        if (!all && keys.Count == 1)
        {
            // "Some row matches" as the owner's key IN the matching rows' keys, not a correlated EXISTS: the engine
            // can then start from the few matching rows (papers using one dataset) instead of probing every owner,
            // and the subquery is read once per statement. Same rows either way: a NULL key matches in neither.
            var owner = Column(collection.Owner, navigation.ForeignKey.PrincipalKey.Properties[0], Dialect);
            var select = $"SELECT {Column(row, keys[0], Dialect)} FROM {from}";
            return new Predicate(condition is null ? $"{owner} IN ({select})" : $"{owner} IN ({select} WHERE {condition})");
        }

        var text = new StringBuilder("EXISTS (SELECT 1 FROM ");
        var correlation = new StringBuilder();
        Keys(correlation, row, navigation.ForeignKey.Properties, collection.Owner, navigation.ForeignKey.PrincipalKey.Properties, Dialect);
        text.Append(from).Append(" WHERE ").Append(correlation);
        if (condition is not null) text.Append(" AND ").Append(all ? $"NOT ({condition})" : condition);
        text.Append(')');
        return new Predicate(all ? $"NOT {text}" : text.ToString());
    }

    private string AsPredicate(Term term) => term switch
    {
        Predicate p => p.Text,
        Value { Content: bool b } => b ? Dialect.True : Dialect.False,
        Scalar s when (System.Nullable.GetUnderlyingType(s.Type) ?? s.Type) == typeof(bool) => s.Nullable ? $"({s.Text} IS NOT NULL AND {s.Text} = 1)" : $"{s.Text} = 1",
        _ => throw new NotSupportedException($"{term.GetType().Name} is not a condition."),
    };

    private static Scalar AsScalar(Term term) => term as Scalar ?? throw new NotSupportedException($"{term.GetType().Name} is not a column.");
}
