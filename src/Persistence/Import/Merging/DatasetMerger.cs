using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// Which dataset names are one dataset: alias-aware folded names (<see cref="DatasetName"/>), a run-together pair split
/// when each half is a dataset some list names alone, and a codebase another list files under "Dataset".
/// </summary>
internal sealed class DatasetMerger(ImportGraph graph, Func<IEnumerable<string>> vocabulary)
{
    private static readonly HashSet<string> NotADatasetName = new(StringComparer.OrdinalIgnoreCase) { "official", "link", "here", "data", "dataset", "download", "third party" };

    private readonly Dictionary<string, Dataset> _datasets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _datasetSpellings = new(StringComparer.Ordinal);
    private HashSet<string>? _datasetVocabulary;

    /// <summary>Registers one mention of a dataset by name (and link), linking it through <paramref name="link"/>.</summary>
    public void Add(SourcedItem sourced, string name, string? url, Action<string>? link)
    {
        name = name.Trim();
        // "Dataset: [official](…)" (opendilab) links the paper's own data; "official" names no dataset.
        if (name.Length == 0 || NotADatasetName.Contains(name)) return;
        // "Dataset: TruthfulQA RealToxicityPrompts" (003) lost the comma between two datasets every other list names apart.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (url is null && words.Length >= 2 && words.All(w => DatasetVocabulary().Contains(DatasetName.Key(w))))
        {
            foreach (var word in words) Add(sourced, word, null, link);
            return;
        }

        var key = DatasetName.Key(name);
        if (key.Length == 0) return;
        if (!_datasets.TryGetValue(key, out var dataset))
        {
            dataset = new Dataset { Key = key.Length <= 450 ? key : key[..450], Name = DatasetName.Canonical(name), Url = url };
            _datasets[key] = dataset;
            _datasetSpellings[key] = [];
            graph.Datasets.Add(dataset);
        }

        // A dataset's own page beats any other link a list gave first (opendilab-newest:568 links SST-2 to a model fine-tuned on it).
        if (dataset.Url is null || (url is not null && LinkEvidence.IsDatasetPage(url) && !LinkEvidence.IsDatasetPage(dataset.Url))) dataset.Url = url;
        if (!_datasetSpellings[key].Contains(name, StringComparer.Ordinal)) _datasetSpellings[key].Add(name);
        link?.Invoke(dataset.Key);
        graph.Mentions.Add(new GraphMention(sourced.Source, sourced.Section, sourced.Line, sourced.Column, MentionTarget.Dataset, dataset.Key));
    }

    /// <summary>Reads the vocabulary now, while the items it comes from are whole (it is otherwise read on first need).</summary>
    public void ReadVocabulary() => DatasetVocabulary();

    /// <summary>Every dataset name any list uses on its own, as keys: the evidence for splitting run-together names.</summary>
    private HashSet<string> DatasetVocabulary() => _datasetVocabulary ??= [.. vocabulary().Select(DatasetName.Key)];

    /// <summary>
    /// A dataset's display name is its alias group's canonical one, else the spelling with the most
    /// punctuation, which the flattened list lost ("Structured Knowledge Grounding(SKG)…" over "…GroundingSKG…").
    /// </summary>
    public void Complete()
    {
        foreach (var dataset in graph.Datasets)
        {
            var spellings = _datasetSpellings[dataset.Key];
            var canonical = DatasetName.Canonical(spellings[0]);
            if (string.Equals(canonical, spellings[0], StringComparison.Ordinal))
                canonical = spellings.OrderByDescending(n => n.Count(c => !char.IsLetterOrDigit(c))).First();
            dataset.Name = canonical;
            foreach (var alias in spellings.Where(s => !string.Equals(s, canonical, StringComparison.Ordinal)))
                graph.DatasetAliases.Add((dataset.Key, alias));
        }
    }

    /// <summary>The dataset a codebase's name or repository names, if any list lists it; the codebase's name becomes one of its spellings.</summary>
    public Dataset? ForCodebase(Codebase codebase)
    {
        if (!_datasets.TryGetValue(DatasetName.Key(codebase.Name), out var dataset)
            && !(codebase.Repository is { } repo && _datasets.TryGetValue(DatasetName.Key(repo), out dataset)))
            return null;
        if (!_datasetSpellings[dataset.Key].Contains(codebase.Name, StringComparer.Ordinal)) _datasetSpellings[dataset.Key].Add(codebase.Name);
        return dataset;
    }
}
