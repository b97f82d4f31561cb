using RlhfGraph.Api.Cli;

namespace RlhfGraph.Tests.Cli;

/// <summary>The one line `seed` prints for what stopped it (the process-level behaviour is in <see cref="SeedCommandTests"/>).</summary>
public sealed class SeedFailureTests
{
    [Fact]
    public void RunningOutOfMemorySaysSoAndHowMuchTheProcessMayUse()
    {
        // 7 December 2026: the 250k-item list under DOTNET_GCHeapHardLimit=0x10000000 printed only the exception's type and text.
        var line = SeedFailure.Describe(new OutOfMemoryException());
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 20;
        Assert.Equal($"out of memory: the lists need more than the {available} MiB this process may use (a heap limit such as DOTNET_GCHeapHardLimit, or the machine's memory)", line);
    }
}
