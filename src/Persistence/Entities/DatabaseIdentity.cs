namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// The one row that says which database this is: a random id written by the migration that creates the table, so
/// it is born with the database, kept by every import and different for any two databases (even two seeded from the
/// same lists). HTTP caching puts it in ETags beside the <see cref="DataVersion"/>, which alone repeats across databases.
/// </summary>
public sealed class DatabaseIdentity
{
    /// <summary>Always <see cref="SingletonId"/>: the table has one row.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>32 lowercase hex digits, random (SQLite's randomblob, SQL Server's NEWID()).</summary>
    public string Value { get; set; } = "";
}
