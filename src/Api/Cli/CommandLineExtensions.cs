using System.CommandLine;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Api.Cli;

/// <summary>
/// The API's commands: serving is the default; `seed` and `migrate` are what a deployment runs once,
/// against the same configuration the server uses.
/// </summary>
internal static class CommandLineExtensions
{
    public static async Task<int> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        var root = new RootCommand("RlhfGraph: the RLHF literature as a GraphQL API.");
        root.SetAction((_, ct) => ServeAsync(app, ct));

        var source = new Option<string?>("--source")
        {
            Description = "Seed folder holding the list files and sources.json; without sources.json every .md and .txt file in it is a list (default: Database:SeedDirectory, i.e. seed/).",
        };
        var allowShrink = new Option<bool>("--allow-shrink")
        {
            Description = "Import even when a list would leave its source with no items or remove more than half of the items it had, or when a source is no longer listed (refused by default).",
        };
        var seed = new Command("seed", "Import the lists into the database (one transaction), then print the import report.") { source, allowShrink };
        seed.SetAction((result, ct) => SeedAsync(app, result.GetValue(source), new ImportOptions { AllowShrink = result.GetValue(allowShrink) }, ct));
        root.Subcommands.Add(seed);

        var migrate = new Command("migrate", "Apply pending migrations for the configured provider.");
        migrate.SetAction((_, ct) => MigrateAsync(app, ct));
        root.Subcommands.Add(migrate);

        var output = new Option<string?>("--output") { Description = "Where to write the SDL (default: src/Schema/schema.graphql in the repository)." };
        var export = new Command("export", "Write the live schema as SDL, the file front-end code generators read.") { output };
        export.SetAction((result, ct) => ExportSchemaAsync(app, result.GetValue(output), ct));
        root.Subcommands.Add(new Command("schema", "Schema tools.") { export });
        root.Subcommands.Add(PersistedDocumentsCommand.Create(app));

        // ASP.NET's own "--key value" configuration switches (e.g. --urls) are not ours to reject.
        root.TreatUnmatchedTokensAsErrors = false;
        var parsed = root.Parse(args);
        // System.CommandLine 2.0.0 leaves Ctrl+C and SIGTERM unhandled (its documented default timeout is null there,
        // dotnet/command-line-api#2739), so a signal killed `seed` at once and its token never fired. The one-shot commands
        // take the signal as their token and have 10 s to stop before the library ends the process (exit 130, or 143 for
        // SIGTERM; `seed` also listens from its first line, see SignalCancellation); serving keeps ASP.NET's own console
        // lifetime, which drains requests on the same signals.
        var invocation = parsed.CommandResult.Command == root ? null : new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(WebApplication app, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        app.Logger.LogInformation("Database: {Database}", DatabaseLocation.Describe(app.Services));
        if (options.ShouldInitializeOnStartup)
        {
            try
            {
                await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct).ConfigureAwait(false);
            }
            catch (ImportException e)
            {
                app.Logger.LogError("Start-up seeding failed: {Message}", e.Message);
                return 1;
            }
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls) app.Logger.LogInformation("RlhfGraph is serving GraphQL at {Url}/graphql", url.TrimEnd('/'));
        });
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> SeedAsync(WebApplication app, string? source, ImportOptions importOptions, CancellationToken invocation)
    {
        using var signals = new SignalCancellation(invocation);
        var ct = signals.Token;
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        // A failed statement is reported below in one line; EF's own error log would print it again with a stack trace.
        ((IConfigurationBuilder)app.Configuration).AddInMemoryCollection([new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None")]);
        Console.WriteLine($"Database: {DatabaseLocation.Describe(app.Services)}");
        // Said at once: the import's next step, where it stops, can be seconds away on a large list (its merge runs to the end).
        await using var cancelling = ct.Register(() => Console.Error.WriteLine("cancelling: the seed stops at its next step and leaves the database as it was.")).ConfigureAwait(false);
        try
        {
            // SQLite stays zero-setup; on SQL Server migrating is its own deployment step.
            if (options.Provider == DatabaseProvider.Sqlite) await initializer.MigrateAsync(ct).ConfigureAwait(false);
            var report = await initializer.SeedAsync(source, onlyIfEmpty: false, importOptions, new ConsoleProgress(DateTime.UtcNow), ct).ConfigureAwait(false);
            Console.WriteLine(report);
            foreach (var conflict in report!.Conflicts) Console.WriteLine($"conflict {conflict}");
            foreach (var skipped in report.SkippedItems) Console.WriteLine($"skipped {skipped}");
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("seed cancelled, database unchanged.");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"seed failed, database unchanged: {SeedFailure.Describe(e)}");
            return 1;
        }
    }

    private static async Task<int> ExportSchemaAsync(WebApplication app, string? output, CancellationToken ct)
    {
        var path = output ?? SchemaFile.DefaultPath(app.Environment.ContentRootPath);
        await File.WriteAllTextAsync(path, SchemaFile.Render(app.Services.GetRequiredService<ISchema>()), ct).ConfigureAwait(false);
        Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplication app, CancellationToken ct)
    {
        Console.WriteLine($"Database: {DatabaseLocation.Describe(app.Services)}");
        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct).ConfigureAwait(false);
        Console.WriteLine("Database is up to date.");
        return 0;
    }
}
