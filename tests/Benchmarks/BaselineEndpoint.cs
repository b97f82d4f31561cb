using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// What the dashboard query costs without GraphQL: the same JSON from the same database, by four hand-written
/// statements (ADO.NET, no EF) and a Utf8JsonWriter. Served by the benchmark's own server, before routing.
/// </summary>
internal static class BaselineEndpoint
{
    public const string Path = "/baseline/dashboard";

    /// <summary>The GraphQL request it answers the same as: 50 papers in id order, each with its first 10 authors, codebases and datasets in the API's default orders.</summary>
    public const string Query = "query Dashboard { papers(first: 50) { nodes { id title year citationCount authors { nodes { name } } codebases { nodes { url } } datasets { nodes { name } } } } }";

    private const string PapersSql = "SELECT \"Id\", \"Title\", \"Year\", \"CitationCount\" FROM \"Papers\" ORDER BY \"Id\" LIMIT 50";

    // Default orders of the API: byline position, relation then id, dataset id; 10 per paper (Paging:DefaultPageSize).
    private const string AuthorsSql = """
        SELECT "PaperId", "Name" FROM (
          SELECT pa."PaperId", a."Name", ROW_NUMBER() OVER (PARTITION BY pa."PaperId" ORDER BY pa."Position", pa."AuthorId") AS rn
          FROM "PaperAuthors" AS pa JOIN "Authors" AS a ON a."Id" = pa."AuthorId"
          WHERE pa."PaperId" IN (SELECT value FROM json_each(@ids)))
        WHERE rn <= 10 ORDER BY "PaperId", rn
        """;

    private const string CodebasesSql = """
        SELECT "PaperId", "Url" FROM (
          SELECT pc."PaperId", c."Url", ROW_NUMBER() OVER (PARTITION BY pc."PaperId" ORDER BY pc."Relation", pc."CodebaseId") AS rn
          FROM "PaperCodebases" AS pc JOIN "Codebases" AS c ON c."Id" = pc."CodebaseId"
          WHERE pc."PaperId" IN (SELECT value FROM json_each(@ids)))
        WHERE rn <= 10 ORDER BY "PaperId", rn
        """;

    private const string DatasetsSql = """
        SELECT "PaperId", "Name" FROM (
          SELECT pd."PaperId", d."Name", ROW_NUMBER() OVER (PARTITION BY pd."PaperId" ORDER BY pd."DatasetId") AS rn
          FROM "PaperDatasets" AS pd JOIN "Datasets" AS d ON d."Id" = pd."DatasetId"
          WHERE pd."PaperId" IN (SELECT value FROM json_each(@ids)))
        WHERE rn <= 10 ORDER BY "PaperId", rn
        """;

    public static async Task WriteAsync(HttpContext context, string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(context.RequestAborted);
        var papers = new List<(int Id, string Title, int? Year, int? Citations)>(50);
        await using (var command = new SqliteCommand(PapersSql, connection))
        await using (var reader = await command.ExecuteReaderAsync(context.RequestAborted))
        {
            while (await reader.ReadAsync(context.RequestAborted))
                papers.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3)));
        }

        var ids = "[" + string.Join(",", papers.Select(p => p.Id.ToString(CultureInfo.InvariantCulture))) + "]";
        var authors = await ChildrenAsync(connection, AuthorsSql, ids, context.RequestAborted);
        var codebases = await ChildrenAsync(connection, CodebasesSql, ids, context.RequestAborted);
        var datasets = await ChildrenAsync(connection, DatasetsSql, ids, context.RequestAborted);

        context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("papers");
        json.WriteStartArray("nodes");
        foreach (var paper in papers)
        {
            json.WriteStartObject();
            json.WriteString("id", Convert.ToBase64String(Encoding.UTF8.GetBytes($"Paper:{paper.Id.ToString(CultureInfo.InvariantCulture)}")));
            json.WriteString("title", paper.Title);
            WriteNumber(json, "year", paper.Year);
            WriteNumber(json, "citationCount", paper.Citations);
            WriteNodes(json, "authors", "name", authors, paper.Id);
            WriteNodes(json, "codebases", "url", codebases, paper.Id);
            WriteNodes(json, "datasets", "name", datasets, paper.Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static async Task<Dictionary<int, List<string?>>> ChildrenAsync(SqliteConnection connection, string sql, string ids, CancellationToken ct)
    {
        var children = new Dictionary<int, List<string?>>();
        await using var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("@ids", ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var parent = reader.GetInt32(0);
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return children;
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteNodes(Utf8JsonWriter json, string field, string property, Dictionary<int, List<string?>> children, int parent)
    {
        json.WriteStartObject(field);
        json.WriteStartArray("nodes");
        foreach (var value in children.GetValueOrDefault(parent) ?? [])
        {
            json.WriteStartObject();
            json.WriteString(property, value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Puts the baseline in front of the API's own pipeline (after its response compression, if any).</summary>
    internal sealed class StartupFilter(string connectionString) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Path == Path) await WriteAsync(context, connectionString);
                else await following(context);
            });
            next(app);
        };
    }
}
