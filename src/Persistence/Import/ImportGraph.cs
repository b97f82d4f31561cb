using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// The whole graph the lists describe, keyed by natural keys and not yet tied to database ids.
/// Entity objects carry only scalar values here; links are separate key pairs so the importer can
/// diff them against what the database already holds.
/// </summary>
internal sealed class ImportGraph
{
    public List<Source> Sources { get; } = [];

    public List<Paper> Papers { get; } = [];

    public List<Author> Authors { get; } = [];

    public List<Codebase> Codebases { get; } = [];

    public List<Dataset> Datasets { get; } = [];

    public List<Keyword> Keywords { get; } = [];

    /// <summary>Author key → other spellings seen.</summary>
    public List<(string AuthorKey, string Alias)> AuthorAliases { get; } = [];

    public List<(string DatasetKey, string Alias)> DatasetAliases { get; } = [];

    public List<(string PaperKey, string AuthorKey, int Position)> PaperAuthors { get; } = [];

    public List<(string CodebaseKey, string AuthorKey, int Position)> CodebaseAuthors { get; } = [];

    public List<(string PaperKey, string CodebaseKey, CodeRelation Relation)> PaperCodebases { get; } = [];

    public List<(string PaperKey, string DatasetKey)> PaperDatasets { get; } = [];

    public List<(string CodebaseKey, string DatasetKey)> CodebaseDatasets { get; } = [];

    public List<(string PaperKey, string KeywordKey)> PaperKeywords { get; } = [];

    public List<(string CodebaseKey, string KeywordKey)> CodebaseKeywords { get; } = [];

    public List<GraphMention> Mentions { get; } = [];

    /// <summary>The keys each paper and codebase holds beyond its own Key, from every item merged into it (ids follow them).</summary>
    public EntityKeys Keys { get; } = new();

    /// <summary>Per source: items seen, imported (first of their entity), merged (into an entity another item created), skipped.</summary>
    public List<SourceReport> SourceReports { get; } = [];

    /// <summary>Shared keys kept apart because the items holding them contradict each other, with both file:lines.</summary>
    public List<string> Conflicts { get; } = [];
}

/// <summary>Which kind of entity a mention points at.</summary>
internal enum MentionTarget
{
    Paper,
    Codebase,
    Dataset,
}

internal sealed record GraphMention(string SourceName, string? Section, int Line, int? Column, MentionTarget Target, string TargetKey);
