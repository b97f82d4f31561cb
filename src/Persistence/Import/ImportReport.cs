using System.Globalization;
using System.Text;

namespace RlhfGraph.Persistence.Import;

/// <summary>What one list contributed to an import.</summary>
/// <param name="Source">The list's readable name.</param>
/// <param name="Seen">List items in content sections.</param>
/// <param name="Imported">Items that created an entity.</param>
/// <param name="Merged">Items folded into an entity another item had already created.</param>
/// <param name="Skipped">Items that could not be imported, each with a reason in <see cref="ImportReport.SkippedItems"/>.</param>
public sealed record SourceReport(string Source, int Seen, int Imported, int Merged, int Skipped);

/// <summary>The outcome of one import: per-source counts, graph totals, and what changed in the database.</summary>
public sealed record ImportReport
{
    public required IReadOnlyList<SourceReport> Sources { get; init; }

    public required IReadOnlyList<string> SkippedItems { get; init; }

    /// <summary>Items that share a key (an arXiv id, a page) but not a title or an author, kept apart: "file:line and file:line: why".</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    public required int Papers { get; init; }

    public required int Authors { get; init; }

    public required int Codebases { get; init; }

    public required int Datasets { get; init; }

    public required int Keywords { get; init; }

    public required int Links { get; init; }

    public required int Mentions { get; init; }

    /// <summary>Rows inserted, updated and deleted; all zero when the lists did not change since the last import.</summary>
    public required int RowsInserted { get; init; }

    public required int RowsUpdated { get; init; }

    public required int RowsDeleted { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{"source",-34} {"seen",6} {"imported",9} {"merged",7} {"skipped",8}");
        foreach (var s in Sources)
            sb.AppendLine(c, $"{s.Source,-34} {s.Seen,6} {s.Imported,9} {s.Merged,7} {s.Skipped,8}");
        sb.AppendLine(c, $"{"total",-34} {Sources.Sum(s => s.Seen),6} {Sources.Sum(s => s.Imported),9} {Sources.Sum(s => s.Merged),7} {Sources.Sum(s => s.Skipped),8}");
        if (Conflicts.Count > 0) sb.AppendLine(c, $"conflicts {Conflicts.Count} (shared keys kept apart, listed below)");
        sb.AppendLine(c, $"papers {Papers}, authors {Authors}, codebases {Codebases}, datasets {Datasets}, keywords {Keywords}, links {Links}, mentions {Mentions}");
        sb.Append(c, $"rows inserted {RowsInserted}, updated {RowsUpdated}, deleted {RowsDeleted} in {Elapsed.TotalMilliseconds:F0} ms");
        return sb.ToString();
    }
}
