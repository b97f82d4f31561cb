using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Persistence;

/// <summary>Registers the database, chosen by configuration, and the importer.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Connection string name: ConnectionStrings:RlhfGraph (env ConnectionStrings__RlhfGraph).</summary>
    public const string ConnectionStringName = "RlhfGraph";

    public const string DefaultSqliteFile = "data/rlhfgraph.db";

    /// <summary>
    /// Adds pooled contexts for the provider named by Database:Provider (Sqlite | SqlServer) and the importer.
    /// Without a connection string, SQLite uses data/rlhfgraph.db under the content root.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(section);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddPooledDbContextFactory<SqliteRlhfGraphDbContext>(o => DatabaseProviders.ConfigureSqlite(o, sqlite, options));
                builder.Services.AddSingleton<IDbContextFactory<RlhfGraphDbContext>, ProviderContextFactory<SqliteRlhfGraphDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set.");
                builder.Services.AddPooledDbContextFactory<SqlServerRlhfGraphDbContext>(o => DatabaseProviders.ConfigureSqlServer(o, connectionString, options));
                builder.Services.AddSingleton<IDbContextFactory<RlhfGraphDbContext>, ProviderContextFactory<SqlServerRlhfGraphDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or SqlServer.");
        }

        builder.Services.AddSingleton<Importer>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            csb.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }
}
