using System.Text;

namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// SQLite: each level is json_object over scalar subqueries. Its window (the filtered, ordered, limited rows, plain
/// columns only) is a derived table; the rows' JSON is built over it with json_group_array, whose input order SQLite
/// keeps. Building outside the window matters twice: SQLite computes result columns before it sorts, so nested
/// levels would otherwise run for every matching row, not for the page; and a json_object passed straight to
/// json_group_array stays JSON, where one read back from a derived table is text to be parsed again. Nested levels
/// are correlated subqueries in their parent row's json_object, so the whole operation is one statement.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public override bool BuildsRowsOutsideTheWindow => true;

    public override string InJsonArray(string operand, string parameter, bool numeric) => $"{operand} IN (SELECT value FROM json_each({parameter}))";

    public override string Level(LevelSql level)
    {
        var text = new StringBuilder("json_object('r', (SELECT json_group_array(json_object(");
        for (var i = 0; i < level.Columns.Count; i++)
        {
            var column = level.Columns[i];
            if (i > 0) text.Append(", ");
            text.Append('\'').Append(column.Key).Append("', ");
            if (column.Json) text.Append(column.Value);
            else text.Append(level.Derived).Append('.').Append(Quote(column.Key));
        }

        text.Append(")) FROM (SELECT ");
        var first = true;
        foreach (var column in level.Columns)
        {
            if (column.Json) continue;
            if (!first) text.Append(", ");
            first = false;
            text.Append(column.Value).Append(" AS ").Append(Quote(column.Key));
        }

        text.Append(" FROM ").Append(level.From);
        Where(text, level.Where);
        text.Append(" ORDER BY ").AppendJoin(", ", level.OrderBy).Append(level.Limit is { } limit ? $" LIMIT {limit}" : "").Append(") AS ").Append(level.Derived).Append(')');
        if (level.Total)
        {
            text.Append(", 't', (SELECT COUNT(*) FROM ").Append(level.From);
            Where(text, level.CountWhere);
            text.Append(')');
        }

        if (level.Outside is { } outside)
        {
            text.Append(", 'o', EXISTS (SELECT 1 FROM ").Append(level.From);
            Where(text, [.. level.CountWhere, outside]);
            text.Append(')');
        }

        return text.Append(')').ToString();
    }

    public override string Statement(string level) => $"SELECT {level} AS \"Value\"";

    public override string Statement(IReadOnlyList<string> levels) =>
        $"SELECT json_object({string.Join(", ", levels.Select((level, i) => $"'{RootKey(i)}', {level}"))}) AS \"Value\"";

    public override string RowsStatement(string rows, string alias, IReadOnlyList<string> columns, string level) =>
        $"SELECT json_group_array(json_object({string.Concat(columns.Select(c => $"'{c}', {alias}.{c}, "))}'x', {level})) AS \"Value\" FROM ({rows}) AS {alias}";

    public override string BatchKey(string batch) => $"{batch}.value";

    public override string BatchStatement(string level, string batch, string ids) =>
        $"SELECT json_group_array(json_object('p', {batch}.value, 'x', {level})) AS \"Value\" FROM json_each({ids}) AS {batch}";

    public override string JsonRows(string rows, string alias, IReadOnlyList<string> columns, string orderBy) =>
        $"SELECT json_group_array(json_object({string.Join(", ", columns.Select(c => $"'{c}', {alias}.{c}"))})) AS \"Value\" FROM (SELECT * FROM ({rows}) AS {alias} ORDER BY {orderBy}) AS {alias}";

    public override string IntElements(string parameter) => $"(SELECT key AS k, value AS v FROM json_each({parameter}))";

    public override string First(string column, string from, string where, string orderBy) =>
        $"(SELECT {column} FROM {from} WHERE {where} ORDER BY {orderBy} LIMIT 1)";

    private static void Where(StringBuilder text, IReadOnlyList<string> conditions)
    {
        if (conditions.Count > 0) text.Append(" WHERE ").AppendJoin(" AND ", conditions);
    }
}
