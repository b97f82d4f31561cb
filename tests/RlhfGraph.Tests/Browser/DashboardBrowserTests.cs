using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RlhfGraph.Api.Ide;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Browser;

/// <summary>
/// The sample dashboard and the IDE in a real headless Chromium (Debian's package, driven by Playwright
/// through its executable path; no browser is ever downloaded), against the API on a loopback port.
/// Screenshots are saved under TestResults/screenshots next to the test assembly and attached to the results.
/// </summary>
public sealed class DashboardBrowserTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    /// <summary>Where Debian's chromium package puts the browser; CHROMIUM_PATH overrides it.</summary>
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    internal static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.SkipUnless(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run does it), so the browser tests cannot run.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs, Timeout = 60_000 });
        return (playwright, browser);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name), FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    [Fact]
    public async Task TheDashboardDrawsOneBarPerYearAndItsSearchFindsDpo()
    {
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(new Uri(api.BaseAddress, "/dashboard").ToString());
            await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });

            await using var db = api.Database.CreateContext();
            var years = await db.Papers.Where(p => p.Year != null).Select(p => p.Year).Distinct().CountAsync(TestContext.Current.CancellationToken);
            Assert.Equal(years, await page.Locator("#year-chart rect.bar").CountAsync());
            Assert.True(await page.Locator("#keywords li").CountAsync() > 0);
            Assert.True(await page.Locator("#coauthor-graph .graph-node").CountAsync() > 1);

            await page.FillAsync("#search-input", "direct preference optimization");
            await page.WaitForSelectorAsync("#suggestions li");
            await page.PressAsync("#search-input", "Enter");
            await page.WaitForSelectorAsync("#results li.result");
            Assert.Contains("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", await page.Locator("#results li.result").First.InnerTextAsync());
            await ScreenshotAsync(page, "dashboard.png");
        }
    }

    /// <summary>
    /// The autocomplete answer is held back (Playwright routes its request) until the search after Enter has drawn its
    /// results; released then, it must not reopen the suggestion list over them. The page counts the answers it handled,
    /// so the test waits for that one, not for a time.
    /// </summary>
    [Fact]
    public async Task ALateAutocompleteAnswerDoesNotReopenTheSuggestionsOverTheSearchResults()
    {
        var autocompleteId = RlhfGraph.Api.Dashboard.DashboardPage.Operations.Value["DashboardAutocomplete"];
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await page.RouteAsync(url => url.Contains(autocompleteId, StringComparison.Ordinal), async route =>
            {
                held.TrySetResult();
                await release.Task;
                await route.ContinueAsync();
            });
            await page.GotoAsync(new Uri(api.BaseAddress, "/dashboard/").ToString());
            await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });

            await page.FillAsync("#search-input", "direct preference optimization");
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await page.PressAsync("#search-input", "Enter");
            await page.WaitForSelectorAsync("#results li.result");
            release.SetResult();
            await page.WaitForSelectorAsync("#suggestions[data-answers='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

            Assert.Equal(0, await page.Locator("#suggestions li").CountAsync());
            Assert.True(await page.Locator("#results li.result").CountAsync() > 0);
        }
    }

    [Fact]
    public async Task TheGraphQLEndpointOpensBananaCakePop()
    {
        Assert.SkipUnless(BananaCakePop.IsInstalled, "The Banana Cake Pop IDE is not installed (the build installs it with npm; npm was missing).");
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var response = await page.GotoAsync(new Uri(api.BaseAddress, "/graphql").ToString());
            Assert.Equal(200, response!.Status);
            // Rendered, not just mounted: the start page's "Create Document" button (the loading spinner alone mounts #root).
            await page.GetByText("Create Document").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.EndsWith("/graphql/", page.Url, StringComparison.Ordinal);
            await ScreenshotAsync(page, "banana-cake-pop.png");
        }
    }
}
