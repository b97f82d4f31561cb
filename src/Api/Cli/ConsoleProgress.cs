namespace RlhfGraph.Api.Cli;

/// <summary>
/// The import's progress lines on standard error, written on the reporting thread as each step begins: Progress&lt;T&gt; posts
/// each report to the thread pool, so a list's "parsing …" line could come out after the seed's last line ("seed failed, …").
/// </summary>
internal sealed class ConsoleProgress(DateTime started) : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine($"[{(DateTime.UtcNow - started).TotalSeconds,6:F1}s] {value}");
}
