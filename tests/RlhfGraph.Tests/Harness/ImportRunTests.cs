using System.Globalization;
using RlhfGraph.Benchmarks;

namespace RlhfGraph.Tests.Harness;

/// <summary>
/// The import benchmark's lines, printed by one process and read back by the one that alternates builds
/// (tests/Benchmarks: <c>import</c> and <c>import-pairs</c>).
/// </summary>
public sealed class ImportRunTests
{
    [Fact]
    public void WhatTheImportCommandPrintsIsReadBackAsTheSameFigures()
    {
        var output = string.Join('\n',
            ImportRun.RunLine(1, 253481, 3658649, 55.09, 65.57),
            "",
            "import of /tmp/l250k: 253481 papers, 442866 authors, 3658649 rows",
            "  median of 1: 55.09 s wall, 65.57 s CPU, 4601 papers/s",
            ImportRun.PeakLine(912, 2));

        Assert.Equal(new ImportRun(55.09, 65.57, 912), ImportRun.Parse(output));
    }

    [Fact]
    public void FiguresReadTheSameUnderACultureThatWritesDecimalCommas()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var output = ImportRun.RunLine(1, 10, 20, 1.5, 2.25) + "\n" + ImportRun.PeakLine(100, 2);

            Assert.Equal(new ImportRun(1.5, 2.25, 100), ImportRun.Parse(output));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("Unhandled exception. System.IO.DirectoryNotFoundException: /tmp/missing")]
    [InlineData("run 1: 10 papers, 20 rows in 1.50 s wall, 2.25 s CPU")]
    [InlineData("  peak working set 100 MB on 2 cores")]
    public void AnImportThatPrintedNoFinishedRunIsNotReadAsOne(string output) => Assert.Null(ImportRun.Parse(output));
}
