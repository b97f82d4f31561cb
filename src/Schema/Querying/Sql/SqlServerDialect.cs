using System.Text;

namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// SQL Server: each level is a scalar subquery FOR JSON PATH (WITHOUT_ARRAY_WRAPPER for the level object), rows a
/// TOP … ORDER BY subquery FOR JSON PATH; nested levels are embedded with JSON_QUERY so they stay JSON, not text.
/// </summary>
internal sealed class SqlServerDialect : SqlDialect
{
    public override string Quote(string identifier) => $"[{identifier.Replace("]", "]]", StringComparison.Ordinal)}]";

    /// <summary>SQL Server's optimizer computes a row's scalar subqueries after TOP, so the rows are built in place.</summary>
    public override bool BuildsRowsOutsideTheWindow => false;

    public override string InJsonArray(string operand, string parameter, bool numeric) =>
        numeric
            ? $"{operand} IN (SELECT CAST([value] AS int) FROM OPENJSON({parameter}))"
            : $"{operand} IN (SELECT [value] FROM OPENJSON({parameter}))";

    public override string Level(LevelSql level)
    {
        // No limit (a plain list): ORDER BY stands without TOP in a FOR JSON subquery, as in a FOR XML one.
        var text = new StringBuilder("(SELECT JSON_QUERY(ISNULL((SELECT ").Append(level.Limit is { } limit ? $"TOP ({limit}) " : "");
        for (var i = 0; i < level.Columns.Count; i++)
        {
            if (i > 0) text.Append(", ");
            var column = level.Columns[i];
            text.Append(column.Json ? $"JSON_QUERY({column.Value})" : column.Value).Append(" AS ").Append(Quote(column.Key));
        }

        text.Append(" FROM ").Append(level.From);
        Where(text, level.Where);
        text.Append(" ORDER BY ").AppendJoin(", ", level.OrderBy).Append(" FOR JSON PATH, INCLUDE_NULL_VALUES), '[]')) AS [r]");
        if (level.Total)
        {
            text.Append(", (SELECT COUNT(*) FROM ").Append(level.From);
            Where(text, level.CountWhere);
            text.Append(") AS [t]");
        }

        if (level.Outside is { } outside)
        {
            text.Append(", CASE WHEN EXISTS (SELECT 1 FROM ").Append(level.From);
            Where(text, [.. level.CountWhere, outside]);
            text.Append(") THEN 1 ELSE 0 END AS [o]");
        }

        return text.Append(" FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)").ToString();
    }

    public override string Statement(string level) => $"SELECT {level} AS [Value]";

    public override string Statement(IReadOnlyList<string> levels) =>
        $"SELECT (SELECT {string.Join(", ", levels.Select((level, i) => $"JSON_QUERY({level}) AS [{RootKey(i)}]"))} FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES) AS [Value]";

    public override string RowsStatement(string rows, string alias, IReadOnlyList<string> columns, string level) =>
        $"SELECT ISNULL((SELECT {string.Concat(columns.Select(c => $"{alias}.{c} AS [{c}], "))}JSON_QUERY({level}) AS [x] FROM ({rows}) AS {alias} FOR JSON PATH), '[]') AS [Value]";

    public override string BatchKey(string batch) => $"{batch}.[value]";

    public override string BatchStatement(string level, string batch, string ids) =>
        $"SELECT ISNULL((SELECT {batch}.[value] AS [p], JSON_QUERY({level}) AS [x] FROM OPENJSON({ids}) WITH ([value] int '$') AS {batch} FOR JSON PATH), '[]') AS [Value]";

    public override string JsonRows(string rows, string alias, IReadOnlyList<string> columns, string orderBy) =>
        $"SELECT ISNULL((SELECT {string.Join(", ", columns.Select(c => $"{alias}.{c} AS [{c}]"))} FROM ({rows}) AS {alias} ORDER BY {orderBy} FOR JSON PATH), '[]') AS [Value]";

    public override string IntElements(string parameter) => $"(SELECT CAST([key] AS int) AS k, CAST([value] AS int) AS v FROM OPENJSON({parameter}))";

    public override string First(string column, string from, string where, string orderBy) =>
        $"(SELECT TOP (1) {column} FROM {from} WHERE {where} ORDER BY {orderBy})";

    private static void Where(StringBuilder text, IReadOnlyList<string> conditions)
    {
        if (conditions.Count > 0) text.Append(" WHERE ").AppendJoin(" AND ", conditions);
    }
}
