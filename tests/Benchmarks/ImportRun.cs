using System.Globalization;
using System.Text.RegularExpressions;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// One import's figures as the `import` command prints them and `import-pairs` reads them back from
/// the process that ran it: both ends of the lines live here.
/// </summary>
internal sealed partial record ImportRun(double WallSeconds, double CpuSeconds, long PeakMegabytes)
{
    public static string RunLine(int run, int papers, long rows, double wallSeconds, double cpuSeconds) =>
        $"run {run}: {papers} papers, {rows} rows in {Stats.F(wallSeconds, 2)} s wall, {Stats.F(cpuSeconds, 2)} s CPU";

    public static string PeakLine(long megabytes, int cores) => $"  peak working set {megabytes} MB on {cores} cores";

    /// <summary>The run's figures, or null when the output has no finished run (the child failed or printed something else).</summary>
    public static ImportRun? Parse(string output)
    {
        var run = RunPattern().Match(output);
        var peak = PeakPattern().Match(output);
        if (!run.Success || !peak.Success) return null;
        return new ImportRun(
            double.Parse(run.Groups["wall"].Value, CultureInfo.InvariantCulture),
            double.Parse(run.Groups["cpu"].Value, CultureInfo.InvariantCulture),
            long.Parse(peak.Groups["mb"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^run 1: .* in (?<wall>[0-9.]+) s wall, (?<cpu>[0-9.]+) s CPU\s*$", RegexOptions.Multiline)]
    private static partial Regex RunPattern();

    [GeneratedRegex(@"^\s*peak working set (?<mb>[0-9]+) MB", RegexOptions.Multiline)]
    private static partial Regex PeakPattern();
}
