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

    /// <summary>
    /// The statement's text and parameters with only the parameters the text uses, numbered in order: a condition
    /// folded away after its value was bound (an empty `in` beside it) leaves none behind, so one text always comes
    /// with one parameter list — a kept prepared statement depends on it.
    /// </summary>
    public (string Sql, IReadOnlyList<object?> Parameters) Finish(string text)
    {
        var used = new List<object?>();
        var numbers = new Dictionary<int, int>();
        var sql = System.Text.RegularExpressions.Regex.Replace(text, @"@p(\d+)", match =>
        {
            var old = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (!numbers.TryGetValue(old, out var number))
            {
                number = used.Count;
                numbers[old] = number;
                used.Add(_parameters[old]);
            }

            return dialect.Parameter(number);
        });
        return (sql, used);
    }

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
