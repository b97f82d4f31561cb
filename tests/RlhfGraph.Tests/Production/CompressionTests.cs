using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>Brotli or gzip by Accept-Encoding over a size threshold, through ASP.NET Core's response compression.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class CompressionTests(SqliteApiFactory api)
{
    private static readonly string DashboardQuery = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src/Api/Dashboard/Operations/DashboardStats.graphql"));

    private async Task<(string? Encoding, byte[] Bytes)> PostAsync(string query, string? acceptEncoding)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decompress(string encoding, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task TheDashboardQueryIsCompressedAsTheClientAsks(string acceptEncoding, string expected)
    {
        var plain = await PostAsync(DashboardQuery, null);
        var compressed = await PostAsync(DashboardQuery, acceptEncoding);

        Assert.Null(plain.Encoding);
        Assert.Equal(expected, compressed.Encoding);
        Assert.True(compressed.Bytes.Length * 2 < plain.Bytes.Length, $"{compressed.Bytes.Length} of {plain.Bytes.Length} bytes");
        Assert.Equal(plain.Bytes, Decompress(expected, compressed.Bytes));
    }

    [Fact]
    public async Task AnswersBelowTheThresholdGoAsTheyAre()
    {
        var small = await PostAsync("{ stats { paperCount } }", "br");

        Assert.InRange(small.Bytes.Length, 1, 1023);
        Assert.Null(small.Encoding);
    }
}
