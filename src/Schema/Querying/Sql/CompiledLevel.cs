using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Querying.Sql;

/// <summary>
/// How to read one level of a statement's JSON back: which key holds which property of the node (and of the link
/// row), the sort keys for cursors, and the nested levels. Built together with the SQL, so the two cannot disagree.
/// </summary>
internal sealed class CompiledLevel(ListPlan plan, IEntityType node, IEntityType item)
{
    public ListPlan Plan => plan;

    public IEntityType Node => node;

    /// <summary>The link row's type; the node's own when the list is of nodes.</summary>
    public IEntityType Item => item;

    public List<(string Key, IProperty Property)> NodeColumns { get; } = [];

    public List<(string Key, IProperty Property)> ItemColumns { get; } = [];

    public List<(string Key, Type Type, ValueConverter? Converter)> SortKeys { get; } = [];

    public List<(string Key, string ResponseKey, CompiledLevel Level)> Children { get; } = [];
}

/// <summary>
/// One statement: its text, its parameters in order, and the readers of its root levels (one, unless several lookups
/// share the statement: then the answer is an object keyed by <see cref="SqlDialect.RootKey"/>).
/// </summary>
internal sealed record CompiledStatement(string Sql, IReadOnlyList<object?> Parameters, IReadOnlyList<CompiledLevel> Roots)
{
    public CompiledLevel Root => Roots[0];

    /// <summary>
    /// Database commands built from it (EF Core's IRelationalCommand), kept for the next executions: one command runs
    /// one execution at a time (it reuses its data reader), so each execution takes one from here and gives it back.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<object> Commands { get; } = new();
}
