namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// The statement being written: its parameters, in order, and unique table aliases. Every client value becomes a
/// parameter, so the SQL text depends only on the operation's shape and prepares once per shape.
/// </summary>
internal sealed class SqlBuilder(SqlDialect dialect)
{
    /// <summary>
    /// Most conditions and parameters in one statement: under SQL Server's 2,100 parameters, and where SQLite's
    /// planner, whose work grows with the square of the conditions on one column, still takes milliseconds.
    /// The filter limits keep every admitted request far below it; past it the client gets a 400, never a stall.
    /// </summary>
    public const int MaxTerms = 2_000;

    private readonly List<object?> _parameters = [];
    private int _aliases;
    private int _terms;

    public SqlDialect Dialect => dialect;

    public IReadOnlyList<object?> Parameters => _parameters;

    public string Alias(string prefix) => $"{prefix}{_aliases++}";

    /// <summary>Counts one condition against <see cref="MaxTerms"/>.</summary>
    public void Term()
    {
        if (++_terms > MaxTerms) throw new Faults.StatementTooLargeError();
    }

    public string Parameter(object? value)
    {
        Term();
        _parameters.Add(value);
        return dialect.Parameter(_parameters.Count - 1);
    }
}
