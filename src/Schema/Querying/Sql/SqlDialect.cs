namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// What differs between the databases: quoting, list parameters, and how one list level is built as JSON inside the
/// database (SQLite's json_object/json_group_array, SQL Server's FOR JSON), so a whole operation is one statement.
/// </summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();

    public static readonly SqlDialect SqlServer = new SqlServerDialect();

    public abstract string Quote(string identifier);

    /// <summary>
    /// Whether a level's JSON rows are built over its window (the limited, ordered rows, as a derived table named
    /// <see cref="LevelSql.Derived"/> with a column per key) rather than inside it; nested levels then correlate
    /// with the window's "i" column.
    /// </summary>
    public abstract bool BuildsRowsOutsideTheWindow { get; }

    public string Parameter(int index) => $"@p{index}";

    /// <summary><paramref name="operand"/> is one of the values of a JSON array parameter (one parameter, any length).</summary>
    public abstract string InJsonArray(string operand, string parameter, bool numeric);

    /// <summary>The JSON object of one level: { r: [rows], t: total, o: anything outside the window }.</summary>
    public abstract string Level(LevelSql level);

    /// <summary>The whole statement around the root level, one row with one text column named Value.</summary>
    public abstract string Statement(string level);

    /// <summary>Several root levels in one statement: one row, column Value, a JSON object keyed by <see cref="RootKey"/>.</summary>
    public abstract string Statement(IReadOnlyList<string> levels);

    /// <summary>The key of the <paramref name="index"/>th root level of a statement with several.</summary>
    public static string RootKey(int index) => $"a{index}";

    /// <summary>The parent id of a batch row (a value of the JSON array of ids, aliased <paramref name="batch"/>).</summary>
    public abstract string BatchKey(string batch);

    /// <summary>The statement answering a level per parent id: a JSON array of { p, x }, one row, column Value.</summary>
    public abstract string BatchStatement(string level, string batch, string ids);

    /// <summary>
    /// A JSON array of the rows of <paramref name="rows"/> (a query, CTEs allowed, read as <paramref name="alias"/>):
    /// each row's <paramref name="columns"/> under their names and its <paramref name="level"/> under "x". One row, column Value.
    /// </summary>
    public abstract string RowsStatement(string rows, string alias, IReadOnlyList<string> columns, string level);

    /// <summary>
    /// A JSON array of the rows of <paramref name="rows"/> (a query without ORDER BY, read as <paramref name="alias"/>),
    /// each an object of its <paramref name="columns"/>, in the order <paramref name="orderBy"/> gives (over the alias's
    /// columns). One row, column Value. For the statements a computed entry point runs before its lookup (a path search).
    /// </summary>
    public abstract string JsonRows(string rows, string alias, IReadOnlyList<string> columns, string orderBy);

    /// <summary>A row source of a JSON array parameter of ints: its elements as v, their 0-based positions as k.</summary>
    public abstract string IntElements(string parameter);

    /// <summary>The first <paramref name="column"/> of the rows of <paramref name="from"/> and <paramref name="where"/> in <paramref name="orderBy"/>, as a scalar subquery.</summary>
    public abstract string First(string column, string from, string where, string orderBy);

    public string True => "1 = 1";

    public string False => "1 = 0";
}

/// <summary>
/// One level's parts. <paramref name="Where"/> includes the cursor bounds; <paramref name="CountWhere"/> does not
/// (totalCount and "outside" count the whole filtered list). Columns whose value is a nested level are JSON. No
/// <paramref name="Limit"/>: every row (a plain list).
/// </summary>
internal sealed record LevelSql(
    string From,
    string Derived,
    IReadOnlyList<string> Where,
    IReadOnlyList<string> CountWhere,
    IReadOnlyList<string> OrderBy,
    int? Limit,
    IReadOnlyList<LevelColumn> Columns,
    bool Total,
    string? Outside);

internal sealed record LevelColumn(string Key, string Value, bool Json);
