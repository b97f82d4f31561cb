namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// The one row that says which import the data comes from: the importer adds one to <see cref="Version"/> in the
/// transaction that changes any row, so readers (HTTP caching's ETag) can tell data apart without reading it.
/// </summary>
public sealed class DataVersion
{
    /// <summary>Always <see cref="SingletonId"/>: the table has one row, inserted by the migration.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>0 for an empty database; one more for each import that committed a change.</summary>
    public long Version { get; set; }
}
