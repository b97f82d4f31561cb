using System.Text;

namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// SQLite: each level is json_object over a scalar subquery; rows are aggregated with json_group_array over an
/// ordered, limited derived table, whose order SQLite's aggregate keeps. A nested level is a correlated subquery in
/// its parent row's json_object, so the whole operation is one statement and one snapshot.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public override string InJsonArray(string operand, string parameter, bool numeric) => $"{operand} IN (SELECT value FROM json_each({parameter}))";

    public override string Level(LevelSql level)
    {
        var text = new StringBuilder("json_object('r', (SELECT json_group_array(json(").Append(level.Derived).Append(".j)) FROM (SELECT json_object(");
        for (var i = 0; i < level.Columns.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append('\'').Append(level.Columns[i].Key).Append("', ").Append(level.Columns[i].Value);
        }

        text.Append(") AS j FROM ").Append(level.From);
        var window = level.Where;
        if (level.Columns.Any(c => c.Json))
        {
            // SQLite computes a row's result columns before it sorts, so a level whose rows carry nested levels would
            // run those subqueries for every matching row (thousands), not for the page: the window's keys are chosen
            // first, by the same order and limit, and only its rows are built.
            var key = level.Key.Count == 1 ? level.Key[0] : $"({string.Join(", ", level.Key)})";
            var chosen = new StringBuilder("SELECT ").AppendJoin(", ", level.Key).Append(" FROM ").Append(level.From);
            Where(chosen, level.Where);
            chosen.Append(" ORDER BY ").AppendJoin(", ", level.OrderBy).Append(" LIMIT ").Append(level.Limit);
            window = [.. level.Where, $"{key} IN ({chosen})"];
        }

        Where(text, window);
        text.Append(" ORDER BY ").AppendJoin(", ", level.OrderBy).Append(" LIMIT ").Append(level.Limit).Append(") AS ").Append(level.Derived).Append(')');
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

    private static void Where(StringBuilder text, IReadOnlyList<string> conditions)
    {
        if (conditions.Count > 0) text.Append(" WHERE ").AppendJoin(" AND ", conditions);
    }
}
