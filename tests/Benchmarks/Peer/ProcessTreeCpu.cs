using System.Globalization;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// CPU time (user + system) used by processes and all their descendants, from Linux's /proc, including children
/// already exited and reaped (PostgreSQL backends come and go). On a machine shared with other work, CPU per request
/// is what contention does not inflate much; requests per second are.
/// </summary>
internal static class ProcessTreeCpu
{
    // USER_HZ: /proc reports clock ticks of 1/100 s on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public static bool IsAvailable => File.Exists("/proc/self/stat");

    public static TimeSpan Of(params int[] roots)
    {
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name (which is in parentheses and may hold spaces): state, ppid, …, utime, stime, cutime, cstime.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
            }
            catch (IOException)
            {
                // exited while we looked
            }
        }

        long total = 0;
        foreach (var (pid, (_, ticks)) in processes)
        {
            for (var ancestor = pid; ancestor > 1 && processes.ContainsKey(ancestor); ancestor = processes[ancestor].Parent)
            {
                if (!roots.Contains(ancestor)) continue;
                total += ticks;
                break;
            }
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }
}
