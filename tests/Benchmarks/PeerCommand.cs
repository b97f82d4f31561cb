using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RlhfGraph.Benchmarks.Peer;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `peer --db FILE [--rounds R] [--seconds S] [--concurrency C] [--max-requests N] [--workers 1,2] [--queries a,b] [--install]`:
/// queries a–e of issue 12 against our API and against PostGraphile 4 over PostgreSQL holding the same corpus, side
/// by side in alternating rounds, same load loop, loopback only. The PostgreSQL cluster and PostGraphile live in a
/// temporary folder for the run and are removed afterwards; nothing of them is committed. Exit code 2: skipped.
/// </summary>
internal static class PeerCommand
{
    private const string Ours = "ours";

    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A SQLite file made by `generate` + `import --keep`; copied into PostgreSQL.", Required = true };
        var roundsOption = new Option<int>("--rounds") { Description = "Measured rounds; each runs every query on every server, rotating which goes first.", DefaultValueFactory = _ => 3 };
        var secondsOption = new Option<double>("--seconds") { Description = "Seconds per query per server per round (at most 30).", DefaultValueFactory = _ => 5 };
        var concurrencyOption = new Option<int>("--concurrency") { Description = "Requests in flight.", DefaultValueFactory = _ => 8 };
        var maxRequestsOption = new Option<int>("--max-requests") { Description = "Request budget per query per server per round.", DefaultValueFactory = _ => 100_000 };
        var workersOption = new Option<string>("--workers") { Description = "PostGraphile configurations to measure: cluster worker counts, comma-separated (1 = a single process).", DefaultValueFactory = _ => "1" };
        var queriesOption = new Option<string>("--queries") { Description = "Which of a–e, comma-separated.", DefaultValueFactory = _ => "a,b,c,d,e" };
        var installOption = new Option<bool>("--install") { Description = "apt-get install PostgreSQL and npm when missing (needs root)." };
        var showSqlOption = new Option<bool>("--show-sql") { Description = "Print the SQL PostGraphile runs for each query (from pg_stat_statements)." };
        var command = new Command("peer", "Queries a–e against PostGraphile over PostgreSQL on the same corpus, side by side.")
        {
            dbOption, roundsOption, secondsOption, concurrencyOption, maxRequestsOption, workersOption, queriesOption, installOption, showSqlOption,
        };
        command.SetAction(async (result, cancel) =>
        {
            var prerequisites = Prerequisites.Find();
            if (result.GetValue(installOption))
            {
                await prerequisites.InstallMissingAsync();
                prerequisites = Prerequisites.Find();
            }

            if (prerequisites.Missing() is { Count: > 0 } missing)
            {
                foreach (var reason in missing) Console.WriteLine($"peer: skipped: {reason}");
                return 2;
            }

            var options = new Settings(
                Rounds: Math.Max(1, result.GetValue(roundsOption)),
                Seconds: Math.Clamp(result.GetValue(secondsOption), 0.5, 30),
                Concurrency: Math.Clamp(result.GetValue(concurrencyOption), 1, 64),
                MaxRequests: Math.Max(1, result.GetValue(maxRequestsOption)),
                Workers: [.. result.GetValue(workersOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => Math.Clamp(int.Parse(w, CultureInfo.InvariantCulture), 1, 8)).Distinct()],
                Queries: [.. result.GetValue(queriesOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                ShowSql: result.GetValue(showSqlOption));
            var database = new SqliteFile(result.GetValue(dbOption)!);
            if (!File.Exists(database.Path))
            {
                Console.Error.WriteLine($"peer: {database.Path} does not exist; make it with `generate` and `import --keep`.");
                return 1;
            }

            ExternalProcess.PostgresUser = Environment.IsPrivilegedProcess ? prerequisites.PostgresUser : null;

            // The API's host (inside BenchmarkServer) takes Ctrl+C for itself; take it too, so that the run stops
            // after the current measurement and removes its cluster, servers and folder.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                Console.WriteLine("interrupted: stopping after this measurement and cleaning up");
                stop.Cancel();
            });
            var folder = Directory.CreateTempSubdirectory("rlhf-peer-").FullName;
            try
            {
                // The cluster's own account must be able to reach its folder inside ours.
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                await RunAsync(database, prerequisites, folder, options, stop.Token);
                return 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 130;
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"could not remove {folder}: {e.Message}");
                }
            }
        });
        return command;
    }

    private static async Task RunAsync(SqliteFile database, Prerequisites tools, string folder, Settings options, CancellationToken cancel)
    {
        Console.WriteLine($"load before: {LoadAverage()}; {Environment.ProcessorCount} cores; temporary folder {folder}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A corpus imported by an older build lacks the tables added since; our API would add them on start-up anyway.
        await database.MigrateAsync();
        await using var cluster = await PostgresCluster.StartAsync(tools.PostgresBin!, Path.Combine(folder, "pg"), tools.HasStatStatements);
        var version = (await cluster.PsqlAsync("postgres", "SHOW server_version")).Trim();
        if (tools.HasStatStatements) await cluster.PsqlAsync("postgres", "CREATE EXTENSION pg_stat_statements");
        else Console.WriteLine("pg_stat_statements is not installed (Debian: postgresql-contrib): PostGraphile's statements per request are not counted (n/a).");
        var copied = await CorpusCopy.CopyAsync(database, cluster);
        Console.WriteLine($"PostgreSQL {version}: copied {copied.Count} tables, {copied.Sum(t => t.Rows):N0} rows from {database.Path} in {F(clock.Elapsed.TotalSeconds)} s "
            + $"({string.Join(", ", copied.Where(t => t.Table is "Papers" or "Authors" or "PaperAuthors").Select(t => $"{t.Table} {t.Rows:N0}"))})");

        clock.Restart();
        var postGraphileVersion = await PostGraphileServer.InstallAsync(tools.Npm!, Path.Combine(folder, "node"));
        Console.WriteLine($"PostGraphile {postGraphileVersion} installed by npm in {F(clock.Elapsed.TotalSeconds)} s ({string.Join(", ", PostGraphileServer.Packages)}); node {(await ExternalProcess.RunAsync(tools.Node!, ["--version"])).Trim()}");

        var peers = new List<PostGraphileServer>();
        try
        {
            foreach (var workers in options.Workers)
                peers.Add(await PostGraphileServer.StartAsync(tools.Node!, Path.Combine(folder, "node"), cluster, workers));
            using var ours = new BenchmarkServer(database);
            await MeasureAsync(database, ours, peers, cluster, tools.HasStatStatements, options, cancel);
        }
        finally
        {
            foreach (var peer in peers) peer.Dispose();
        }

        Console.WriteLine($"load after: {LoadAverage()}");
    }

    private static async Task MeasureAsync(SqliteFile database, BenchmarkServer ours, List<PostGraphileServer> peers, PostgresCluster cluster, bool statStatements, Settings options, CancellationToken cancel)
    {
        var total = await QueriesCommand.PaperCountAsync(ours);
        var (arxivId, author) = await PickAsync(database);
        var depth = Math.Max(100, (int)(total * 0.9) / 100 * 100);
        var oursCursor = await PagingCommand.CursorAtAsync(ours, "", depth) ?? throw new InvalidOperationException("no cursor at 90 % depth");
        var peerCursor = await PeerCursorAtAsync(peers[0], depth);
        var queries = PeerQuery.All(arxivId, author, oursCursor, peerCursor).Where(q => options.Queries.Contains(q.Key)).ToList();
        Console.WriteLine($"{total} papers; a: arXiv {arxivId}; c: author \"{author}\"; d: after the {depth}th paper");

        var targets = new List<Target> { new(Ours, ours.Client, q => BenchmarkServer.Body(q.Ours, q.OursVariables), null) };
        targets.AddRange(peers.Select(p => new Target(p.Name, p.Client, q => BenchmarkServer.Body(q.Peer, q.PeerVariables), p)));

        // Same data first: every query's values, in order, on every server; and one request's statement count.
        foreach (var query in queries)
        {
            List<string>? expected = null;
            foreach (var target in targets)
            {
                await StartCountingAsync(target, ours, cluster, statStatements);
                var body = await PostAsync(target, query);
                var (statements, _) = await StopCountingAsync(target, ours, cluster, statStatements, 1);
                var values = PeerQuery.Values(body);
                expected ??= values;
                if (!values.SequenceEqual(expected))
                {
                    var at = expected.Zip(values).TakeWhile(p => p.First == p.Second).Count();
                    throw new InvalidOperationException($"query {query.Key}: {target.Name} returns other data than {Ours} (first difference at value {at}: "
                        + $"{expected.ElementAtOrDefault(at) ?? "(end)"} vs {values.ElementAtOrDefault(at) ?? "(end)"}).\n{Ours}: {string.Join(' ', expected.Take(at + 3))}");
                }

                Console.WriteLine($"  {query.Key} {target.Name,-16} same data ({values.Count} values, {body.Length} bytes), {F(statements, 0)} statements");
                if (options.ShowSql && statStatements && target.Peer is { Workers: 1 })
                    Console.WriteLine(await cluster.PsqlAsync("postgres", $"SELECT query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '{PostgresCluster.Database}'"));
            }
        }

        Console.WriteLine($"{options.Rounds} rounds (after a warm-up round) x {F(options.Seconds)} s or {options.MaxRequests} requests per query per server, {options.Concurrency} in flight; servers rotate which goes first");
        var samples = new List<Sample>();
        for (var round = 0; round <= options.Rounds; round++)
        {
            foreach (var query in queries)
            {
                for (var i = 0; i < targets.Count; i++)
                {
                    cancel.ThrowIfCancellationRequested();
                    var target = targets[(i + round) % targets.Count];
                    var body = target.Body(query);
                    await StartCountingAsync(target, ours, cluster, statStatements);
                    using var self = System.Diagnostics.Process.GetCurrentProcess();
                    var processCpu = self.TotalProcessorTime;
                    var peerCpu = target.Peer is { } p && ProcessTreeCpu.IsAvailable ? ProcessTreeCpu.Of(p.ProcessId, cluster.ProcessId) : TimeSpan.Zero;
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var load = await LoadTest.RunAsync(target.Client, c => c.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json")),
                        options.Concurrency, round == 0 ? Math.Min(2, options.Seconds) : options.Seconds, options.MaxRequests);
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                    self.Refresh();
                    processCpu = self.TotalProcessorTime - processCpu;
                    peerCpu = target.Peer is { } q && ProcessTreeCpu.IsAvailable ? ProcessTreeCpu.Of(q.ProcessId, cluster.ProcessId) - peerCpu : TimeSpan.Zero;
                    var (statements, databaseMs) = await StopCountingAsync(target, ours, cluster, statStatements, load.Requests);
                    if (round == 0) continue; // warm-up: JIT, pools, plan and page caches
                    var sample = new Sample(query.Key, target.Name, round, load, statements, databaseMs, (double)allocated / load.Requests,
                        processCpu.TotalMilliseconds / load.Requests, target.Peer is null || !ProcessTreeCpu.IsAvailable ? double.NaN : peerCpu.TotalMilliseconds / load.Requests);
                    samples.Add(sample);
                    Console.WriteLine($"  round {round} {query.Key} {target.Name,-16} {F(load.RequestsPerSecond, 0),6} req/s  p50 {F(Median(load.Latencies), 2)} ms  p99 {F(Percentile(load.Latencies, 99), 2)} ms  "
                        + $"{F(statements, 1)} stmt/req  db {F(databaseMs, 2)} ms/req  {Kb(sample.AllocatedPerRequest)} KB/req allocated{(target.Peer is null ? "" : " (client)")}  "
                        + $"cpu {F(sample.ProcessCpuMs, 2)} ms/req {(target.Peer is null ? "(server + client)" : $"client, {F(sample.PeerCpuMs, 2)} ms/req node + postgres")}");
                }
            }
        }

        PrintSummary(queries, targets, samples);
    }

    private static void PrintSummary(List<PeerQuery> queries, List<Target> targets, List<Sample> samples)
    {
        Console.WriteLine();
        Console.WriteLine("| query | server | req/s (median of rounds) | p50 ms | p99 ms | SQL statements / request | database ms / request | server CPU ms / request | allocated / request |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var query in queries)
        {
            var clientBytes = samples.Where(s => s.Query == query.Key && s.Server != Ours).Select(s => s.AllocatedPerRequest).DefaultIfEmpty(0).Min();
            foreach (var target in targets)
            {
                var mine = samples.Where(s => s.Query == query.Key && s.Server == target.Name).ToList();
                var latencies = mine.SelectMany(s => s.Load.Latencies).ToList();
                var allocated = target.Peer is null
                    ? $"{Kb(Median([.. mine.Select(s => s.AllocatedPerRequest)]))} KB ({Kb(Median([.. mine.Select(s => s.AllocatedPerRequest)]) - clientBytes)} KB without the load client)"
                    : "n/a (Node)";
                Console.WriteLine($"| {query.Key} | {target.Name} | {F(Median([.. mine.Select(s => s.Load.RequestsPerSecond)]), 0)} | {F(Median(latencies), 2)} | {F(Percentile(latencies, 99), 2)} | "
                    + $"{F(Median([.. mine.Select(s => s.Statements)]), 1)} | {F(Median([.. mine.Select(s => s.DatabaseMs)]), 2)} | {F(ServerCpuMs(samples, query.Key, target.Name), 2)} | {allocated} |");
            }
        }

        Console.WriteLine();
        var peers = targets.Where(t => t.Peer is not null).ToList();
        Console.WriteLine($"| query | ours req/s | {string.Join(" | ", peers.Select(p => $"{p.Name} req/s | ours ÷ {p.Name} (per round)"))} | CPU per request, {peers[0].Name} ÷ ours | SQL statements ours / peer |");
        Console.WriteLine($"| --- | ---: | {string.Join(" | ", peers.Select(_ => "---: | ---:"))} | ---: | ---: |");
        foreach (var query in queries)
        {
            var oursRps = samples.Where(s => s.Query == query.Key && s.Server == Ours).OrderBy(s => s.Round).Select(s => s.Load.RequestsPerSecond).ToList();
            var columns = peers.Select(p =>
            {
                var peerRps = samples.Where(s => s.Query == query.Key && s.Server == p.Name).OrderBy(s => s.Round).Select(s => s.Load.RequestsPerSecond).ToList();
                var perRound = oursRps.Zip(peerRps, (o, q) => F(o / q, 2));
                return $"{F(Median(peerRps), 0)} | **{F(Median(oursRps) / Median(peerRps), 2)}** ({string.Join(", ", perRound)})";
            });
            var statements = string.Join(" / ", targets.Take(2).Select(t => F(Median([.. samples.Where(s => s.Query == query.Key && s.Server == t.Name).Select(s => s.Statements)]), 0)));
            var cpu = ServerCpuMs(samples, query.Key, peers[0].Name) / ServerCpuMs(samples, query.Key, Ours);
            Console.WriteLine($"| {query.Key}. {query.Title} | {F(Median(oursRps), 0)} | {string.Join(" | ", columns)} | {F(cpu, 2)} | {statements} |");
        }
    }

    // Server-side CPU per request (median of rounds). A peer's: PostGraphile's and PostgreSQL's processes. Ours: this
    // process while measuring ours, less what the load client alone costs in it for the same query (measured while
    // it drives the first peer, whose responses are larger, so this errs in ours' favour by a little).
    private static double ServerCpuMs(List<Sample> samples, string query, string server)
    {
        var mine = samples.Where(s => s.Query == query && s.Server == server).ToList();
        if (server != Ours) return Median([.. mine.Select(s => s.PeerCpuMs)]);
        var client = samples.Where(s => s.Query == query && s.Server != Ours).Select(s => s.ProcessCpuMs).ToList();
        return Median([.. mine.Select(s => s.ProcessCpuMs)]) - (client.Count == 0 ? 0 : Median(client));
    }

    private static async Task<string> PostAsync(Target target, PeerQuery query)
    {
        using var content = new StringContent(target.Body(query), Encoding.UTF8, "application/json");
        using var response = await target.Client.PostAsync("/graphql", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"query {query.Key} on {target.Name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 600)]}");
        return body;
    }

    // Statements: ours from the EF interceptor; PostGraphile's from pg_stat_statements (its own database only, so
    // the psql calls that read and reset it, made from `postgres`, are not counted).
    private static async Task StartCountingAsync(Target target, BenchmarkServer ours, PostgresCluster cluster, bool statStatements)
    {
        if (target.Peer is null) ours.Statements.Reset();
        else if (statStatements) await cluster.PsqlAsync("postgres", "SELECT pg_stat_statements_reset()");
    }

    private static async Task<(double Statements, double DatabaseMs)> StopCountingAsync(Target target, BenchmarkServer ours, PostgresCluster cluster, bool statStatements, int requests)
    {
        requests = Math.Max(1, requests);
        if (target.Peer is null) return ((double)ours.Statements.Count / requests, ours.Statements.Time.TotalMilliseconds / requests);
        if (!statStatements) return (double.NaN, double.NaN);
        var line = (await cluster.PsqlAsync("postgres", $"""
            SELECT coalesce(sum(s.calls), 0), coalesce(sum(s.total_exec_time), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = '{PostgresCluster.Database}'
            """)).Trim().Split('|');
        return (double.Parse(line[0], CultureInfo.InvariantCulture) / requests, double.Parse(line[1], CultureInfo.InvariantCulture) / requests);
    }

    // The same position PagingCommand reaches by walking ours 100 at a time: the cursor of the depth-th paper by id.
    private static async Task<string> PeerCursorAtAsync(PostGraphileServer peer, int depth)
    {
        var query = new PeerQuery("cursor", "", "", $"{{ allPapers(orderBy: [PRIMARY_KEY_ASC], first: 1, offset: {depth - 1}) {{ pageInfo {{ endCursor }} }} }}");
        var body = await PostAsync(new Target(peer.Name, peer.Client, q => BenchmarkServer.Body(q.Peer, null), peer), query);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("allPapers").GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
    }

    // a: the first paper with an arXiv id, 10+ authors, code and datasets; c: the most prolific author whose papers
    // all have a year (ours sorts null years last descending, PostgreSQL first, and PostGraphile 4 has no NULLS LAST).
    private static async Task<(string ArxivId, string Author)> PickAsync(SqliteFile database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var paper = new SqliteCommand("""
            SELECT p."ArxivId" FROM "Papers" p WHERE p."ArxivId" IS NOT NULL
              AND (SELECT count(*) FROM "PaperAuthors" pa WHERE pa."PaperId" = p."Id") >= 10
              AND EXISTS (SELECT 1 FROM "PaperCodebases" pc WHERE pc."PaperId" = p."Id")
              AND EXISTS (SELECT 1 FROM "PaperDatasets" pd WHERE pd."PaperId" = p."Id")
            ORDER BY p."Id" LIMIT 1
            """, connection);
        await using var author = new SqliteCommand("""
            SELECT a."Name" FROM "Authors" a
            WHERE NOT EXISTS (SELECT 1 FROM "PaperAuthors" pa JOIN "Papers" p ON p."Id" = pa."PaperId" WHERE pa."AuthorId" = a."Id" AND p."Year" IS NULL)
              AND (SELECT count(*) FROM "Authors" b WHERE b."Name" = a."Name") = 1
            ORDER BY a."PaperCount" DESC, a."Id" LIMIT 1
            """, connection);
        return ((string?)await paper.ExecuteScalarAsync() ?? throw new InvalidOperationException("no paper with an arXiv id, 10 authors, code and datasets in this corpus"),
            (string?)await author.ExecuteScalarAsync() ?? throw new InvalidOperationException("no author in this corpus"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";

    private static string Kb(double bytes) => F(bytes / 1024, 1);

    private sealed record Settings(int Rounds, double Seconds, int Concurrency, int MaxRequests, List<int> Workers, List<string> Queries, bool ShowSql);

    private sealed record Target(string Name, HttpClient Client, Func<PeerQuery, string> Body, PostGraphileServer? Peer);

    // ProcessCpuMs: this process per request (our server and the load client when measuring ours, the client alone
    // when measuring a peer). PeerCpuMs: PostGraphile (all its workers) and PostgreSQL (all backends) per request.
    private sealed record Sample(string Query, string Server, int Round, LoadTest.Result Load, double Statements, double DatabaseMs, double AllocatedPerRequest, double ProcessCpuMs, double PeerCpuMs);
}
