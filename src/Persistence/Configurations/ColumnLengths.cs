namespace RlhfGraph.Persistence.Configurations;

/// <summary>
/// Column sizes chosen for SQL Server's index key limit (1,700 bytes for nonclustered indexes,
/// i.e. 850 nvarchar characters); SQLite ignores them, so both providers index the same columns.
/// </summary>
internal static class ColumnLengths
{
    public const int Key = 450;
    public const int Title = 800;
    public const int Url = 850;
    public const int Name = 400;
    public const int ShortText = 64;
    public const int Enum = 32;
    public const int Description = 4000;
}
