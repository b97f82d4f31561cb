using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>The sample dashboard's files over HTTP: embedded in the API, self-contained, querying this API only.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class DashboardPageTests(SqliteApiFactory api)
{
    private async Task<(HttpStatusCode Status, string? MediaType, string? Location, string Body)> GetAsync(string url)
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDashboardLivesAtItsFolderUrl()
    {
        var bare = await GetAsync("/dashboard");
        var page = await GetAsync("/dashboard/");

        Assert.Equal((HttpStatusCode.Redirect, "/dashboard/"), (bare.Status, bare.Location));
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.Status, page.MediaType));
        Assert.Contains("<script src=\"dashboard.js\"></script>", page.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task ItsScriptAndStylesComeFromTheApi(string url, string mediaType)
    {
        var file = await GetAsync(url);

        Assert.Equal((HttpStatusCode.OK, mediaType), (file.Status, file.MediaType));
        // Nothing is fetched from elsewhere at run time: no absolute URLs (the SVG namespace is a name, not a fetch).
        var body = file.Body.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
        Assert.DoesNotContain("http://", body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/dashboard/favicon.ico")]
    public async Task TheFaviconIsAnIconFile(string url)
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal((HttpStatusCode.OK, "image/x-icon"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        // An ICONDIR: reserved 0, type 1 (icon), at least one image.
        Assert.Equal([0, 0, 1, 0], bytes[..4]);
        Assert.True(BitConverter.ToUInt16(bytes, 4) >= 1);
    }

    [Theory]
    [InlineData("/dashboard/other.js")]
    [InlineData("/dashboard/..%2FProgram.cs")]
    public async Task OtherFilesAreNotFound(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(url)).Status);
    }
}
