namespace RlhfGraph.Persistence.Import;

/// <summary>An import that could not run; the message names the file (and line) at fault. The database is unchanged.</summary>
public sealed class ImportException : Exception
{
    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
