namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>The "Paging" configuration section.</summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>Page size when a list is asked for without first or last.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest first/last a client may ask for; larger values are an error, never silently clamped.</summary>
    public int MaxPageSize { get; set; } = 100;
}
