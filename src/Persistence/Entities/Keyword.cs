namespace RlhfGraph.Persistence.Entities;

/// <summary>A topic keyword, an environment ("Atari") or a task ("IMDB sentiment").</summary>
public sealed class Keyword
{
    public int Id { get; set; }

    /// <summary>Natural key: category plus folded name, so "PPO" the topic and a task "PPO" stay apart.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public KeywordCategory Category { get; set; }

    public List<PaperKeyword> Papers { get => field ??= []; set; }

    public List<CodebaseKeyword> Codebases { get => field ??= []; set; }
}
