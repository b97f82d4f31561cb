using System.Globalization;
using RlhfGraph.LoadTest;

// A bounded loopback load on a running API: a mix of the tests/queries catalog, N requests at C concurrent.
//   dotnet run -c Release --project src/Api -- --urls http://127.0.0.1:5080 &
//   dotnet run -c Release --project tests/LoadTest -- --requests 20000 --concurrency 64 --pid "$(pgrep -f bin/Release/net10.0/RlhfGraph.Api)"
// Prints requests/s, p50/p99 latency, errors, 5xx and (with --pid, on Linux) the server's resident memory per half.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : string.Empty, StringComparer.Ordinal);
var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5080/graphql"));
if (!url.IsLoopback)
{
    Console.Error.WriteLine($"{url} is not a loopback address; this driver only loads a local server.");
    return 2;
}

var requests = Math.Clamp(int.Parse(options.GetValueOrDefault("requests", "20000"), CultureInfo.InvariantCulture), 1, 1_000_000);
var concurrency = Math.Clamp(int.Parse(options.GetValueOrDefault("concurrency", "64"), CultureInfo.InvariantCulture), 1, 512);
var queries = QueryCatalog.Load(options.GetValueOrDefault("queries"));
// The API's own process, not `dotnet run`'s: the wrapper's memory says nothing about the server's.
if (options.TryGetValue("pid", out var pidText) && !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out _))
{
    Console.Error.WriteLine($"--pid '{pidText}' is not a process id (the API's, e.g. from pgrep -f bin/Release/net10.0/RlhfGraph.Api).");
    return 2;
}

Func<long?>? memory = pidText is { Length: > 0 } ? () => ResidentMemory.Of(int.Parse(pidText, CultureInfo.InvariantCulture)) : null;

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
var driver = new LoadDriver(client, url, queries) { SampleMemory = memory };
// Warm-up (JIT, EF model, SQLite page cache), not measured.
await new LoadDriver(client, url, queries).RunAsync(Math.Min(200, requests), Math.Min(8, concurrency));
var result = await driver.RunAsync(requests, concurrency);
Console.WriteLine($"{queries.Count} queries from the catalog; {result}");
return result.Errors == 0 ? 0 : 1;
