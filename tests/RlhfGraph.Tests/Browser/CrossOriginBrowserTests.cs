using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Browser;

/// <summary>
/// A browser app on a second origin (its own server on another loopback port) calling the API with fetch: allowed by the
/// Cors section, and able to read the headers a front end needs (rate limits, ETag, Retry-After); an origin not listed
/// is blocked by the browser. Real Chromium, real CORS preflights.
/// </summary>
public sealed class CrossOriginBrowserTests(SqliteEngine engine, ITestOutputHelper output) : IAsyncLifetime
{
    private WebApplication _app = null!;
    private CrossOriginApiFactory _api = null!;
    private Uri _appOrigin = null!;

    public async ValueTask InitializeAsync()
    {
        // The second origin: a page of its own, nothing from the API.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/", () => Results.Content("<!doctype html><title>another origin</title><p>a front end elsewhere</p>", "text/html"));
        await _app.StartAsync();
        _appOrigin = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _api = new CrossOriginApiFactory(engine, _appOrigin.GetLeftPart(UriPartial.Authority));
        await _api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ABrowserAppOnAnotherOriginReadsTheRateLimitEtagAndRetryAfterHeaders()
    {
        var (playwright, browser) = await DashboardBrowserTests.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(_appOrigin.ToString());
            var api = new Uri(_api.BaseAddress, "/graphql").ToString();
            // What a front end writes: a POST with JSON (preflighted), a GET it revalidates by ETag, and a query over its budget.
            var read = await page.EvaluateAsync<Dictionary<string, string?>>("""
                async api => {
                  const post = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'browser' },
                    body: JSON.stringify({ query: '{ stats { paperCount } }' }) });
                  const get = await fetch(api + '?query=' + encodeURIComponent('{ stats { paperCount } }'), { headers: { 'X-Api-Key': 'browser' } });
                  let throttled;
                  for (let i = 0; i < 20 && !throttled; i++) {
                    const r = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'browser' },
                      body: JSON.stringify({ query: '{ papers(first: 5) { nodes { title } } }' }) });
                    if (r.status === 429) throttled = r;
                  }
                  return {
                    origin: location.origin,
                    postStatus: String(post.status),
                    limit: post.headers.get('X-RateLimit-Limit'),
                    remaining: post.headers.get('X-RateLimit-Remaining'),
                    used: post.headers.get('X-RateLimit-Used'),
                    reset: post.headers.get('X-RateLimit-Reset'),
                    etag: get.headers.get('ETag'),
                    throttledStatus: throttled ? String(throttled.status) : null,
                    retryAfter: throttled ? throttled.headers.get('Retry-After') : null,
                  };
                }
                """, api);
            output.WriteLine(string.Join('\n', read.Select(p => $"{p.Key}: {p.Value}")));

            Assert.NotEqual(new Uri(api).GetLeftPart(UriPartial.Authority), read["origin"]);
            Assert.Equal("200", read["postStatus"]);
            Assert.Equal(CrossOriginApiFactory.Budget.ToString(System.Globalization.CultureInfo.InvariantCulture), read["limit"]);
            Assert.InRange(long.Parse(read["remaining"]!, System.Globalization.CultureInfo.InvariantCulture), 0, CrossOriginApiFactory.Budget - 1);
            Assert.NotNull(read["used"]);
            Assert.NotNull(read["reset"]);
            Assert.StartsWith("\"", read["etag"], StringComparison.Ordinal);
            Assert.Equal("429", read["throttledStatus"]);
            Assert.InRange(int.Parse(read["retryAfter"]!, System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        }
    }

    [Fact]
    public async Task AnOriginNotListedIsBlockedByTheBrowser()
    {
        var (playwright, browser) = await DashboardBrowserTests.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            // The same page server under another name is another origin, not listed.
            await page.GotoAsync(new UriBuilder(_appOrigin) { Host = "localhost" }.Uri.ToString());
            var outcome = await page.EvaluateAsync<string>("""
                async api => {
                  try { await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":"{ __typename }"}' }); return 'read'; }
                  catch (e) { return 'blocked'; }
                }
                """, new Uri(_api.BaseAddress, "/graphql").ToString());

            Assert.Equal("blocked", outcome);
        }
    }

    /// <summary>The API on a loopback port with the Cors section naming the second origin, and a small budget to spend.</summary>
    private sealed class CrossOriginApiFactory : ApiFactory
    {
        public const int Budget = 200;

        private readonly string _origin;

        public CrossOriginApiFactory(SqliteEngine engine, string origin)
            : base(engine)
        {
            _origin = origin;
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        public Uri BaseAddress
        {
            get
            {
                StartServer();
                return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cors:AllowedOrigins:0", _origin);
            builder.UseSetting("RateLimits:Budget", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:ApiKeyHeader", "X-Api-Key");
        }
    }
}
