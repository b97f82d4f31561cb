using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Load;

/// <summary>
/// The most expensive requests the server refused (issue 18 case 7: about a megabyte of list items in variables, which
/// took 90 to 400 ms of CPU each while graphql-dotnet built and coerced the variables): each is now a 400 found by one
/// scan of the bytes (JsonListScan), and costs its client in proportion to its bytes. The CPU each takes is printed for the report
/// (process CPU time over a few repetitions; run the class alone for clean figures:
/// <c>dotnet tests/RlhfGraph.Tests/bin/Debug/net10.0/RlhfGraph.Tests.dll -class "RlhfGraph.Tests.Load.RefusedRequestCostTests" -showLiveOutput</c>),
/// not asserted, since it depends on the machine.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class RefusedRequestCostTests(SqliteApiFactory api, ITestOutputHelper output)
{
    private const int Repetitions = 5;

    public static TheoryData<string, string> Expensive => new()
    {
        {
            "60k order objects (1 MB of variables)",
            JsonSerializer.Serialize(new { query = "query ($o: [PaperSortInput!]) { papers(order: $o) { totalCount } }", variables = new { o = Enumerable.Range(0, 60_000).Select(_ => new { year = "ASC" }) } })
        },
        {
            "110k search types",
            JsonSerializer.Serialize(new { query = "query ($t: [SearchType!]) { search(query: \"rlhf\", types: $t) { totalCount } }", variables = new { t = Enumerable.Range(0, 110_000).Select(_ => "PAPER") } })
        },
        {
            "150k in values",
            JsonSerializer.Serialize(new { query = "query ($w: PaperFilterInput) { papers(where: $w) { totalCount } }", variables = new { w = new { year = new { @in = Enumerable.Range(0, 150_000) } } } })
        },
    };

    [Theory]
    [MemberData(nameof(Expensive))]
    public async Task AMegabyteOfListItemsIsRefusedAndChargedByItsBytes(string name, string body)
    {
        using var client = api.CreateClient();
        var bytes = Encoding.UTF8.GetByteCount(body);
        var points = new List<long>();
        var process = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < Repetitions + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
            process.Refresh();
            var before = process.TotalProcessorTime;
            using var response = await client.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            process.Refresh();
            if (i > 0) cpu += process.TotalProcessorTime - before;  // the first pays for warming up
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, answer[..Math.Min(answer.Length, 500)]);
            Assert.Contains("\"LIST_TOO_LONG\"", answer, StringComparison.Ordinal);  // refused by a scan of the bytes, before variables are built
            points.Add(long.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), CultureInfo.InvariantCulture));
        }

        var charged = points[0] - points[1];
        output.WriteLine($"{name}: {bytes:N0} bytes, {(cpu / Repetitions).TotalMilliseconds:F0} ms CPU each, charged {charged:N0} points; answer {points.Count} × 400");
        Assert.Equal((bytes + 99) / 100, charged);
    }
}
