namespace RlhfGraph.Api.Observability;

/// <summary>
/// What a database span says besides the SQL text: the statement's operation (SELECT, INSERT, …) and the first table it
/// names, as OpenTelemetry's database conventions ask (db.operation.name, db.collection.name, span name "SELECT Papers").
/// Read from the text, never from the plan, so every path (planned statements, EF Core's own, the importer's) is named alike.
/// </summary>
internal static class SqlSummary
{
    private static readonly string[] Operations = ["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "PRAGMA", "CREATE", "ALTER", "DROP", "BEGIN", "COMMIT", "ROLLBACK", "SET"];

    /// <summary>Statements seen most, by text; at most this many are remembered (the planned statements are far fewer).</summary>
    private const int Remembered = 512;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? Operation, string? Table)> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// The operation and table of <paramref name="sql"/>; either may be null (a table-less SELECT, a PRAGMA). Remembered
    /// by text: a planned statement is kilobytes long and runs on every request, and reading it again cost more than
    /// the statement's own execution on small lookups.
    /// </summary>
    public static (string? Operation, string? Table) Of(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return (null, null);
        if (Known.TryGetValue(sql, out var known)) return known;
        var summary = Read(sql);
        if (Known.Count < Remembered) Known.TryAdd(sql, summary);
        return summary;
    }

    private static (string? Operation, string? Table) Read(string sql)
    {
        var words = Words(sql).ToList();
        string? operation = null;
        string? table = null;
        var depth = 0;
        var tableDepth = int.MaxValue;
        for (var i = 0; i < words.Count; i++)
        {
            var upper = words[i].ToUpperInvariant();
            if (upper == "(") depth++;
            else if (upper == ")") depth--;
            // A leading WITH is a SELECT (or the statement its common table expressions feed): the first operation keyword names it.
            if (operation is null && Operations.Contains(upper)) operation = upper;
            // The outermost table: a planned statement nests its lists' subqueries inside the select list of the root's.
            if (depth < tableDepth && upper is "FROM" or "INTO" or "JOIN" or "UPDATE" && i + 1 < words.Count && IsIdentifier(words[i + 1]))
            {
                table = Unquote(words[i + 1]);
                tableDepth = depth;
            }
        }

        return (operation, table);
    }

    private static bool IsIdentifier(string word) =>
        word[0] is '"' or '[' or '`' || (char.IsLetter(word[0]) || word[0] == '_') && !IsKeyword(word);

    private static bool IsKeyword(string word) => word.ToUpperInvariant() is "SELECT" or "VALUES" or "WITH" or "LATERAL" or "JSON_EACH" or "OPENJSON";

    private static string Unquote(string word)
    {
        // A schema-qualified name keeps its last part: [dbo].[Papers] → Papers.
        var last = word.Split('.')[^1];
        return last.Trim('"', '[', ']', '`');
    }

    /// <summary>Words, quoted identifiers and single punctuation, skipping string literals and comments.</summary>
    private static IEnumerable<string> Words(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == '\'')
            {
                i++;
                while (i < sql.Length && !(sql[i] == '\'' && (i + 1 >= sql.Length || sql[i + 1] != '\''))) i += sql[i] == '\'' ? 2 : 1;
                i++;
            }
            else if (c is '"' or '[' or '`' || char.IsLetterOrDigit(c) || c is '_' or '@' or '$')
            {
                var start = i;
                while (i < sql.Length)
                {
                    var d = sql[i];
                    if (d is '"' or '`')
                    {
                        var close = sql.IndexOf(d, i + 1);
                        i = close < 0 ? sql.Length : close + 1;
                    }
                    else if (d == '[')
                    {
                        var close = sql.IndexOf(']', i + 1);
                        i = close < 0 ? sql.Length : close + 1;
                    }
                    else if (char.IsLetterOrDigit(d) || d is '_' or '@' or '$' or '.')
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                yield return sql[start..i];
            }
            else
            {
                yield return sql[i].ToString();
                i++;
            }
        }
    }
}
