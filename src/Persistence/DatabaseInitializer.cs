using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Persistence;

/// <summary>Migrates the database and seeds it when it holds no graph yet.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<RlhfGraphDbContext> contexts,
    Importer importer,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await SqlitePages.SizeNewFileAsync(db, cancellationToken).ConfigureAwait(false);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            await ReadSnapshot.EnableAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Imports the seed folder; returns null when the database already holds a graph and <paramref name="onlyIfEmpty"/> is set.</summary>
    public Task<ImportReport?> SeedAsync(string? seedDirectory, bool onlyIfEmpty, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        SeedAsync(seedDirectory, onlyIfEmpty, ImportOptions.Default, progress, cancellationToken);

    /// <summary>Imports the seed folder with <paramref name="importOptions"/>; null when skipped as for the overload above.</summary>
    public async Task<ImportReport?> SeedAsync(string? seedDirectory, bool onlyIfEmpty, ImportOptions importOptions, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (onlyIfEmpty)
        {
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                // A graph imported before search existed is imported again: the tables stay as they are, the search index is built.
                if (await db.Sources.AnyAsync(cancellationToken).ConfigureAwait(false)
                    && await db.SearchEntries.AnyAsync(cancellationToken).ConfigureAwait(false)) return null;
            }
        }

        return await importer.ImportAsync(ResolveSeedDirectory(seedDirectory), importOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What `dotnet run` does on SQLite: migrate, then seed an empty database.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await SeedAsync(null, onlyIfEmpty: true, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The seed folder: the given one, else Database:SeedDirectory; a relative path is looked up from the
    /// content root upwards, so `dotnet run --project src/Api` finds the repository's seed/ folder.
    /// </summary>
    public string ResolveSeedDirectory(string? seedDirectory)
    {
        var configured = seedDirectory ?? options.Value.SeedDirectory;
        if (Path.IsPathRooted(configured)) return configured;
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (SeedManifest.IsSeedFolder(candidate)) return candidate;
        }

        var cwd = Path.GetFullPath(configured);
        return SeedManifest.IsSeedFolder(cwd)
            ? cwd
            : throw new ImportException($"No seed folder '{configured}' with a {SeedManifest.FileName} or list files above {environment.ContentRootPath}; pass --source DIR.");
    }
}
