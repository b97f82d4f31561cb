using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// Copies a database made by `generate` + `import` into PostgreSQL with the same tables, columns, primary keys,
/// foreign keys and indexes, read from the EF model (PostGraphile infers its relations from the foreign keys).
/// Text columns that are NOCASE in SQLite get a case-insensitive ICU collation, so equality and ORDER BY agree
/// with ours; the other text columns (enum names) compare bytewise in both.
/// </summary>
internal static class CorpusCopy
{
    private const string CaseInsensitive = "nocase";

    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(SqliteFile source, PostgresCluster target)
    {
        await using var db = source.CreateDbContext();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.BaseType is null && e.GetTableName() is not null && e.GetViewName() is null && e.FindPrimaryKey() is not null)
            .Select(e => (Entity: e, Store: StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema())))
            .OrderBy(t => t.Store.Name, StringComparer.Ordinal)
            .ToList();

        // Collations live only in the design-time model (the runtime model drops them once the SQL is built).
        var design = db.GetService<IDesignTimeModel>().Model;
        var caseInsensitive = design.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.GetCollation() is { } c && c.Equals("NOCASE", StringComparison.OrdinalIgnoreCase))
            .Select(x => (x.Entity.GetTableName()!, x.Property.GetColumnName()))
            .ToHashSet();
        // Index directions too: (Year DESC, Title) must reach PostgreSQL as it is in ours.
        var directions = design.GetEntityTypes().SelectMany(e => e.GetIndexes())
            .Where(i => i.IsDescending is not null && i.GetDatabaseName() is not null)
            .ToDictionary(i => i.GetDatabaseName()!, i => i.IsDescending!, StringComparer.Ordinal);

        var create = new StringBuilder($"CREATE COLLATION {CaseInsensitive} (provider = icu, locale = 'und-u-ks-level2', deterministic = false);\n");
        foreach (var (entity, store) in tables)
        {
            var columns = Columns(entity, store).Select(p => $"  {Q(p.GetColumnName(store)!)} {TypeOf(p, caseInsensitive.Contains((store.Name, p.GetColumnName(store)!)))}{(p.IsColumnNullable(store) ? "" : " NOT NULL")}");
            var key = entity.FindPrimaryKey()!;
            create.Append(CultureInfo.InvariantCulture, $"CREATE TABLE {Q(store.Name)} (\n{string.Join(",\n", columns)},\n  CONSTRAINT {Q(key.GetName()!)} PRIMARY KEY ({ColumnList(key.Properties, store)}));\n");
        }

        await target.PsqlAsync(PostgresCluster.Database, create.ToString());

        var counts = new List<(string, long)>();
        await using var sqlite = new SqliteConnection(source.ConnectionString + ";Mode=ReadOnly");
        await sqlite.OpenAsync();
        foreach (var (entity, store) in tables)
        {
            var names = Columns(entity, store).Select(p => Q(p.GetColumnName(store)!)).ToList();
            long rows = 0;
            await target.PsqlAsync(PostgresCluster.Database, $"\\copy {Q(store.Name)} ({string.Join(", ", names)}) FROM pstdin WITH (FORMAT csv)", async stdin =>
            {
                await using var writer = new StreamWriter(stdin, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                await using var command = new SqliteCommand($"SELECT {string.Join(", ", names)} FROM {Q(store.Name)}", sqlite);
                await using var reader = await command.ExecuteReaderAsync();
                var line = new StringBuilder();
                while (await reader.ReadAsync())
                {
                    line.Clear();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (i > 0) line.Append(',');
                        AppendCsv(line, reader.GetValue(i));
                    }

                    await writer.WriteLineAsync(line);
                    rows++;
                }
            });
            counts.Add((store.Name, rows));
        }

        // Keys and indexes after the data, as pg_restore does; then statistics for the planner.
        var constraints = new StringBuilder();
        foreach (var (entity, store) in tables)
        {
            var indexed = new List<IReadOnlyList<IProperty>> { entity.FindPrimaryKey()!.Properties };
            foreach (var index in entity.GetIndexes())
            {
                var filter = index.GetFilter() is { } f ? $" WHERE {f.Replace('[', '"').Replace(']', '"')}" : "";
                // A unique index that only leaves NULLs out (ours on ArxivId: SQL Server's unique indexes would count
                // NULLs as equal) is a plain unique constraint in PostgreSQL, where NULLs are distinct anyway; as a
                // constraint, PostGraphile makes it a single-row field (paperByArxivId), as ours has.
                if (index.IsUnique && index.Properties.Count == 1 && index.GetFilter() is { } only
                    && only.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)
                        .Equals($"{index.Properties[0].GetColumnName(store)} IS NOT NULL", StringComparison.OrdinalIgnoreCase))
                    constraints.Append(CultureInfo.InvariantCulture, $"ALTER TABLE {Q(store.Name)} ADD CONSTRAINT {Q(index.GetDatabaseName()!)} UNIQUE ({ColumnList(index.Properties, store)});\n");
                else
                    constraints.Append(CultureInfo.InvariantCulture, $"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {Q(index.GetDatabaseName()!)} ON {Q(store.Name)} ({IndexColumns(index, store, directions)}){filter};\n");
                indexed.Add(index.Properties);
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var principal = StoreObjectIdentifier.Table(foreignKey.PrincipalEntityType.GetTableName()!, foreignKey.PrincipalEntityType.GetSchema());
                constraints.Append(CultureInfo.InvariantCulture,
                    $"ALTER TABLE {Q(store.Name)} ADD CONSTRAINT {Q(foreignKey.GetConstraintName()!)} FOREIGN KEY ({ColumnList(foreignKey.Properties, store)}) "
                    + $"REFERENCES {Q(principal.Name)} ({ColumnList(foreignKey.PrincipalKey.Properties, principal)}) ON DELETE {(foreignKey.DeleteBehavior == DeleteBehavior.Cascade ? "CASCADE" : "NO ACTION")};\n");

                // Every foreign key leads some index, as in ours (PostGraphile's relation joins need them as much).
                if (!indexed.Any(i => i.Take(foreignKey.Properties.Count).SequenceEqual(foreignKey.Properties)))
                    constraints.Append(CultureInfo.InvariantCulture, $"CREATE INDEX {Q($"IX_{store.Name}_{string.Join('_', foreignKey.Properties.Select(p => p.GetColumnName(store)))}")} ON {Q(store.Name)} ({ColumnList(foreignKey.Properties, store)});\n");
            }
        }

        constraints.Append("ANALYZE;\n");
        await target.PsqlAsync(PostgresCluster.Database, constraints.ToString());
        return counts;
    }

    private static IEnumerable<IProperty> Columns(IEntityType entity, StoreObjectIdentifier store) =>
        entity.GetDerivedTypesInclusive().SelectMany(e => e.GetDeclaredProperties())
            .Where(p => p.GetColumnName(store) is not null)
            .DistinctBy(p => p.GetColumnName(store));

    private static string TypeOf(IProperty property, bool caseInsensitive)
    {
        var type = (property.GetValueConverter() ?? property.GetTypeMapping().Converter)?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return caseInsensitive ? $"text COLLATE {CaseInsensitive}" : "text COLLATE \"C\"";
        if (type == typeof(int) || type == typeof(short) || type == typeof(byte)) return "integer";
        if (type == typeof(long)) return "bigint";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(double) || type == typeof(float)) return "double precision";
        if (type == typeof(decimal)) return "numeric";
        if (type == typeof(byte[])) return "bytea";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "timestamptz";
        return "text";
    }

    private static void AppendCsv(StringBuilder line, object value)
    {
        switch (value)
        {
            case DBNull:
                break; // an unquoted empty field is NULL in PostgreSQL's CSV
            case string text:
                line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                break;
            case byte[] bytes:
                line.Append("\"\\x").Append(Convert.ToHexString(bytes)).Append('"');
                break;
            case double number:
                line.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                line.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); // integers; booleans are 0/1, which PostgreSQL accepts
                break;
        }
    }

    private static string ColumnList(IEnumerable<IProperty> properties, StoreObjectIdentifier store) =>
        string.Join(", ", properties.Select(p => Q(p.GetColumnName(store)!)));

    /// <summary>An index's columns with their directions, so PostgreSQL gets the same indexes as ours, (Year DESC, Title) included.</summary>
    private static string IndexColumns(IIndex index, StoreObjectIdentifier store, Dictionary<string, IReadOnlyList<bool>> directions) =>
        string.Join(", ", index.Properties.Select((p, i) => Q(p.GetColumnName(store)!)
            + (directions.TryGetValue(index.GetDatabaseName()!, out var descending) && (descending.Count == 0 || descending[i]) ? " DESC" : "")));

    private static string Q(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
