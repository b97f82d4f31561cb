using Microsoft.EntityFrameworkCore;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// What each line of a list became, read back from the database through its mentions: "Paper · Kind · Title · Venue · Year" for
/// a work, "Codebase · Name · Url" and "Dataset · Name" for the rest (venue and year "-" when absent).
/// </summary>
internal static class ItemsByLine
{
    /// <summary>Each line's entities; with <paramref name="byColumn"/>, each character column's (the flattened 003 has every item on line 1).</summary>
    public static async Task<Dictionary<int, List<string>>> ReadAsync(TestDatabase database, string source, bool byColumn = false)
    {
        await using var db = database.CreateContext();
        var mentions = await db.Mentions.Where(m => m.Source!.Name == source)
            .Select(m => new
            {
                Line = byColumn ? m.Column ?? 0 : m.Line,
                m.PaperId,
                m.CodebaseId,
                Kind = m.Paper != null ? (RlhfGraph.Persistence.Entities.PaperKind?)m.Paper.Kind : null,
                Title = m.Paper != null ? m.Paper.Title : m.Codebase != null ? m.Codebase.Name : m.Dataset!.Name,
                Venue = m.Paper != null ? m.Paper.Venue : null,
                Year = m.Paper != null ? m.Paper.Year : null,
                CodebaseUrl = m.Codebase != null ? m.Codebase.Url : null,
            })
            .ToListAsync();
        return mentions.GroupBy(m => m.Line).ToDictionary(g => g.Key, g => g.Select(m =>
            m.PaperId is not null ? $"Paper · {m.Kind} · {m.Title} · {m.Venue ?? "-"} · {m.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
            : m.CodebaseId is not null ? $"Codebase · {m.Title} · {m.CodebaseUrl ?? "-"}"
            : $"Dataset · {m.Title}").ToList());
    }

    /// <summary>Asserts that every expected line became (at least) the expected entity, listing every mismatch at once.</summary>
    public static void AssertEach(Dictionary<int, List<string>> actual, IEnumerable<(int Line, string Expected)> expected)
    {
        var wrong = expected.Where(e => !actual.TryGetValue(e.Line, out var got) || !got.Contains(e.Expected))
            .Select(e => $"line {e.Line}: expected \"{e.Expected}\", got [{string.Join(" | ", actual.GetValueOrDefault(e.Line) ?? [])}]")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
