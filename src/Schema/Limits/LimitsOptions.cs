namespace RlhfGraph.Schema.Limits;

/// <summary>
/// The "Limits" configuration section: every bound a request meets before and while it runs, in one place.
/// Defaults follow HotChocolate 14, GitHub's public API and GraphQL Armor, tuned so the README's and the
/// dashboards' queries pass with room to spare.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Longest a request may execute; cancellation reaches the SQL command that is running.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deepest nesting of fields with selections, introspection aside (the README's examples need 6).</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>Most field cost in HotChocolate's model (HotChocolate's default is 1,000); chosen by measurement, see the README.</summary>
    public double MaxFieldCost { get; set; } = 50_000;

    /// <summary>Most type cost in HotChocolate's model (HotChocolate's default is 1,000); chosen by measurement, see the README.</summary>
    public double MaxTypeCost { get; set; } = 50_000;

    /// <summary>Most aliases in one document.</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>Most fields in the executed operation, counting each fragment once per spread.</summary>
    public int MaxFields { get; set; } = 500;

    /// <summary>Most lexical tokens (names, punctuation, values) in one document.</summary>
    public int MaxTokens { get; set; } = 1_000;

    /// <summary>
    /// Deepest nesting of braces, brackets and parentheses in a document's text, checked before parsing (field depth
    /// 12 through connections, 25 braces, plus filters nested a dozen levels stay inside; the parser's own limit of 128
    /// AST nodes is reached near 60, and a test parses every kind of nesting at this bound).
    /// </summary>
    public int MaxNesting { get; set; } = 48;

    /// <summary>Most directive uses in one document.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Longest document, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 32_768;

    /// <summary>Largest request body in bytes; larger bodies are refused with 413 before they are read.</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Most ids one nodes(ids:) call takes (HotChocolate's default is 10; dashboards need more).</summary>
    public int MaxNodes { get; set; } = 50;

    /// <summary>Most conditions in one and/or list of a filter (combined as a balanced tree, so depth grows with the log of this).</summary>
    public int MaxFilterOperands { get; set; } = 50;

    /// <summary>Most values in one in/nin list of a filter.</summary>
    public int MaxFilterValues { get; set; } = 500;

    /// <summary>
    /// Most conditions and values in one where argument altogether, nested lists included, so one filter stays
    /// inside what every database accepts (SQL Server: 2,100 parameters per statement; SQLite: expression depth 1,000).
    /// </summary>
    public int MaxFilterSize { get; set; } = 1_000;

    /// <summary>Most items in any other list argument a client sends (order keys, search types).</summary>
    public int MaxListItems { get; set; } = 20;

    /// <summary>Most memory the cache of parsed documents may take, in bytes (a document enters it on its second use).</summary>
    public long DocumentCacheBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Whether __schema and __type answer (the IDE needs them); switch off to hide the schema.</summary>
    public bool Introspection { get; set; } = true;
}
