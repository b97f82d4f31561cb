using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// Writes a <see cref="ListPlan"/> as one SQL statement for the configured database: each level a JSON object of its
/// rows (only the selected columns, sort keys only when cursors are selected), its total and whether rows lie outside
/// the window; nested levels as correlated subqueries inside their parent's rows.
/// </summary>
internal static class PlanCompiler
{
    public static CompiledStatement Compile(ListPlan plan, IModel model, SqlDialect dialect) => Compile([plan], model, dialect);

    /// <summary>
    /// Several root levels in one statement (the lookups of one field: node types of nodes(ids:), kinds of search
    /// results), answered as one JSON object with a key per level in order; one plan is the plain statement.
    /// </summary>
    public static CompiledStatement Compile(IReadOnlyList<ListPlan> plans, IModel model, SqlDialect dialect)
    {
        var sql = new SqlBuilder(dialect);
        var texts = new List<string>(plans.Count);
        var roots = new List<CompiledLevel>(plans.Count);
        foreach (var plan in plans)
        {
            var (text, root) = Level(sql, model, plan, parent: null, parentKey: null);
            texts.Add(text);
            roots.Add(root);
        }

        var (statement, parameters) = sql.Finish(roots.Count == 1 ? dialect.Statement(texts[0]) : dialect.Statement(texts));
        return new CompiledStatement(statement, parameters, roots);
    }

    /// <summary>
    /// A nested level for a batch of parents (those a resolver outside any plan asks for, e.g. under a single-object
    /// root field): one statement answering [{ p: parent id, x: level }], the ids in one JSON parameter, the last.
    /// </summary>
    public static CompiledStatement CompileBatch(ListPlan plan, IModel model, SqlDialect dialect, Type parentType, IReadOnlyCollection<int> ids)
    {
        var sql = new SqlBuilder(dialect);
        var batch = sql.Alias("w");
        var (text, root) = Level(sql, model, plan, Entity(model, parentType), dialect.BatchKey(batch));
        var parameter = sql.Parameter(System.Text.Json.JsonSerializer.Serialize(ids));
        var (statement, parameters) = sql.Finish(dialect.BatchStatement(text, batch, parameter));
        return new CompiledStatement(statement, parameters, [root]);
    }

    /// <summary>
    /// A lookup level under rows a query of its own computes (a ranking): one statement answering a JSON array of
    /// those rows, each with its <paramref name="columns"/> (by name) and, under "x", the level of the node whose id
    /// is the row's <paramref name="key"/> column. <paramref name="rows"/> writes the rows' query given the SQL of a
    /// parameter holding <paramref name="ids"/> as a JSON array; the rows are read as the alias given.
    /// </summary>
    public static CompiledStatement CompileRows(ListPlan plan, IModel model, SqlDialect dialect, IReadOnlyCollection<int> ids, Func<string, string> rows, string key, IReadOnlyList<string> columns)
    {
        var sql = new SqlBuilder(dialect);
        var alias = sql.Alias("w");
        var parameter = sql.Parameter(System.Text.Json.JsonSerializer.Serialize(ids));
        var (text, root) = Level(sql, model, plan, parent: null, parentKey: $"{alias}.{key}");
        var (statement, parameters) = sql.Finish(dialect.RowsStatement(rows(parameter), alias, columns, text));
        return new CompiledStatement(statement, parameters, [root]);
    }

    /// <summary>
    /// One level; <paramref name="parentKey"/> is the SQL of the parent row's id where this level is nested: a column of
    /// the parent's table, or of the parent's window when the dialect builds rows outside it (SQLite).
    /// </summary>
    private static (string Sql, CompiledLevel Level) Level(SqlBuilder sql, IModel model, ListPlan plan, IEntityType? parent, string? parentKey)
    {
        var dialect = sql.Dialect;
        var source = plan.List.Source;
        var itemType = Entity(model, source.ItemType);
        var alias = sql.Alias("r");
        var from = new ExpressionSql.From(ExpressionSql.Table(itemType, dialect), alias);
        var item = new ExpressionSql.Row(alias, itemType, from);
        var translate = new ExpressionSql(sql);
        var node = source.Node.Body is ParameterExpression ? item
            : source.Node.Body is MemberExpression { Member.Name: var name } ? translate.Reference(item, name)
            : throw new NotSupportedException($"{source.Node} is not a navigation.");
        var level = new CompiledLevel(plan, node.Type, itemType);

        var countWhere = new List<string>();
        if (parent is not null && plan.List.Correlation is { } correlation)
        {
            // Rows no navigation of the parent leads to (the lists mentioning a paper): a condition on the parent's id.
            countWhere.Add(translate.Condition(correlation, item, parentKey!));
        }
        else if (parent is not null)
        {
            var navigationName = plan.List.Navigation!.Body is MemberExpression { Member.Name: var n } ? n : throw new NotSupportedException("A nested list needs a navigation.");
            var navigation = parent.FindNavigation(navigationName) ?? throw new NotSupportedException($"{parent.DisplayName()} has no {navigationName}.");
            if (!navigation.IsCollection)
            {
                // A reference (a mention's list): the parent's own row, by its id, its target joined as the node.
                if (itemType != parent) throw new NotSupportedException($"{navigationName} is read from {itemType.DisplayName()}, not from {parent.DisplayName()}.");
                countWhere.Add($"{ExpressionSql.Column(item, itemType.FindPrimaryKey()!.Properties[0], dialect)} = {parentKey}");
            }
            else
            {
                // The parent's collection of link rows (p => p.Authors): its foreign key, correlated with the parent row.
                if (navigation.ForeignKey.Properties is not [var foreignKey] || navigation.ForeignKey.PrincipalKey.Properties is not [var principal] || !principal.IsPrimaryKey())
                    throw new NotSupportedException($"{navigationName} is not keyed by the parent's id.");
                countWhere.Add($"{ExpressionSql.Column(item, foreignKey, dialect)} = {parentKey}");
            }
        }
        else if (parentKey is not null)
        {
            // A lookup of the row a computed row names (a ranked candidate): the node whose id is that key.
            countWhere.Add($"{ExpressionSql.Column(node, node.Type.FindPrimaryKey()!.Properties[0], dialect)} = {parentKey}");
        }

        var query = plan.Query;
        if (query.Filter is { } filter) countWhere.Add(translate.Condition(filter, item));
        var where = new List<string>(countWhere);
        if (query.After is { } after) where.Add(translate.Condition(after, item));
        if (query.Before is { } before) where.Add(translate.Condition(before, item));

        var request = plan.Request;
        var orderBy = new List<string>();
        var columns = new List<LevelColumn>();
        var idProperty = node.Type.FindPrimaryKey()!.Properties[0];
        columns.Add(new LevelColumn("i", ExpressionSql.Column(node, idProperty, dialect), false));
        level.NodeColumns.Add(("i", idProperty));
        for (var i = 0; i < query.Order.Keys.Count; i++)
        {
            var key = query.Order.Keys[i];
            var (text, converter) = translate.Column(key.Key, item);
            orderBy.Add(key.Descending != request.Backward ? text + " DESC" : text);
            if (!plan.WantsCursors) continue;
            columns.Add(new LevelColumn($"k{i}", text, false));
            level.SortKeys.Add(($"k{i}", key.Key.ReturnType, converter));
        }

        var properties = plan.NodeColumns is { } selected
            ? selected.Select(m => Property(node.Type, m))
            : node.Type.GetProperties().Where(p => p != idProperty);
        foreach (var property in properties.Distinct())
        {
            if (property == idProperty) continue;
            var key = $"c{level.NodeColumns.Count}";
            columns.Add(new LevelColumn(key, ExpressionSql.Column(node, property, dialect), false));
            level.NodeColumns.Add((key, property));
        }

        if (plan.WantsItem && !ReferenceEquals(item, node))
        {
            foreach (var property in itemType.GetProperties())
            {
                var key = $"l{level.ItemColumns.Count}";
                columns.Add(new LevelColumn(key, ExpressionSql.Column(item, property, dialect), false));
                level.ItemColumns.Add((key, property));
            }
        }

        var derived = alias.Replace("r", "d", StringComparison.Ordinal);
        var ownKey = dialect.BuildsRowsOutsideTheWindow ? $"{derived}.{dialect.Quote("i")}" : ExpressionSql.Column(node, idProperty, dialect);
        foreach (var child in plan.Children)
        {
            var key = $"x{level.Children.Count}";
            var (text, compiled) = Level(sql, model, child.Plan, node.Type, ownKey);
            columns.Add(new LevelColumn(key, text, true));
            level.Children.Add((key, child.ResponseKey, compiled));
        }

        var wantsOutside = query.Outside is not null && (request.Backward ? request.WantsHasNext : request.WantsHasPrevious);
        var outside = wantsOutside ? translate.Condition(query.Outside!, item) : null;
        var text2 = dialect.Level(new LevelSql(from.ToString(), derived, where, countWhere, orderBy, plan.List.Whole ? null : request.Size + 1, columns, request.WantsTotalCount, outside));
        return (text2, level);
    }

    private static IEntityType Entity(IModel model, Type type) =>
        model.FindEntityType(type) ?? throw new NotSupportedException($"{type.Name} is not mapped.");

    private static IProperty Property(IEntityType type, ScalarMember member) =>
        member.Expression.Body is MemberExpression { Expression: ParameterExpression, Member.Name: var name } && type.FindProperty(name) is { } property
            ? property
            : throw new NotSupportedException($"{member.Name} is not a column of {type.DisplayName()}.");
}
