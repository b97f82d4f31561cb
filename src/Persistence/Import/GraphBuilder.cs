using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Merging;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Builds one graph from the items of every list: classifies items (paper, codebase, dataset), then lets each entity's
/// merge rules decide what is one entity (Merging/: <see cref="PaperMerger"/>, <see cref="CodebaseMerger"/>,
/// <see cref="DatasetMerger"/>, <see cref="KeywordMerger"/>, <see cref="AuthorRegistry"/>) and emits entities, links and mentions.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly List<SourcedItem> _paperItems = [];
    private readonly List<SourcedItem> _codebaseItems = [];
    private readonly List<(SourcedItem Item, string Name, string? Url)> _datasetItems = [];
    private AuthorRegistry _authors = new();
    private Dictionary<string, string?> _authorKeys = [];
    private readonly ImportGraph _graph = new();
    private readonly Dictionary<SourcedItem, string> _primaryKey = [];
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenKeywords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenAuthors = new(StringComparer.Ordinal);
    private readonly KeywordMerger _keywords;
    private readonly DatasetMerger _datasets;

    private GraphBuilder()
    {
        _keywords = new KeywordMerger(_graph);
        // Every dataset name any list uses on its own: the evidence for splitting run-together names.
        _datasets = new DatasetMerger(_graph, () =>
            _paperItems.Concat(_codebaseItems).SelectMany(i => i.Item.Datasets).Select(d => d.Label).Concat(_datasetItems.Select(d => d.Name)));
    }

    /// <param name="lists">
    /// The parsed lists, taken over: each entry is replaced by its list without items once they are classified, so that the
    /// items die as the builder lets them go rather than with the caller.
    /// </param>
    /// <param name="betweenSteps">
    /// Called after the steps that leave the most garbage (clustering the papers, registering the people, halfway through
    /// emitting the papers, the datasets, letting go of the items):
    /// the importer collects there on a large import, so the heap does not grow by what those steps dropped on top of the
    /// parsed items and the graph being built (250k-item list: see docs/benchmarks.md §13).
    /// </param>
    public static ImportGraph Build(IList<(Source Source, ParsedList List)> lists, Action? betweenSteps = null)
    {
        var builder = new GraphBuilder();
        builder.Classify(lists);
        var counts = TakeItems(lists);
        var papers = builder.ClusterPapers();
        betweenSteps?.Invoke();
        var codebases = CodebaseMerger.Merge(builder._codebaseItems, builder._paperItems);
        builder.RegisterPeople(papers, codebases);
        // The bylines need only each written name's author from here on; the registry's tables (every spelling, cleaned,
        // folded, grouped) would otherwise stay alive through the emitting steps, where the import's memory peaks.
        builder._authorKeys = builder._authors.AuthorKeysByWrittenName();
        builder._authors = new AuthorRegistry();
        betweenSteps?.Invoke();
        builder.EmitPapers(papers, betweenSteps);
        // No collection between the papers and the codebases, nor while the codebases are made: they let go of nothing
        // old (250k-item list: each freed 6 MB or less, for 0.4–0.6 s; docs/benchmarks.md §13).
        builder.EmitCodebases(codebases);
        builder.EmitDatasets();
        betweenSteps?.Invoke();
        builder._keywords.Complete();
        builder.EmitReports(lists.Select(l => l.Source).ToList(), counts);
        builder.ForgetItems();
        betweenSteps?.Invoke();
        builder.CountPapersAndDropUncredited();
        builder.CountMentioningLists();
        return builder._graph;
    }

    /// <summary>
    /// From here the items live only in the builder, which lets each go once its entity is made (see EmitPapers). In a
    /// method of its own: the JIT keeps a frame's struct temporaries (the list entries read here) reported until it returns.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<(int Seen, int Items, int Skipped)> TakeItems(IList<(Source Source, ParsedList List)> lists)
    {
        var counts = new List<(int, int, int)>(lists.Count);
        for (var i = 0; i < lists.Count; i++)
        {
            var (source, list) = lists[i];
            counts.Add((list.ItemsSeen, list.Items.Count, list.Skipped.Count));
            lists[i] = (source, list with { Items = [] });
        }

        return counts;
    }

    /// <summary>
    /// Lets go of what only the merge reads (the items, which entity each became, the bylines' author keys) before the
    /// counting steps, whose tables of every byline and mention would otherwise stand on top of them at the merge's end.
    /// </summary>
    private void ForgetItems()
    {
        _paperItems.Clear();
        _paperItems.TrimExcess();
        _codebaseItems.Clear();
        _codebaseItems.TrimExcess();
        _datasetItems.Clear();
        _datasetItems.TrimExcess();
        _primaryKey.Clear();
        _primaryKey.TrimExcess();
        _authorKeys = [];
    }

    // Spellings from bylines that lost to a richer one were registered for evidence only;
    // an author nobody credits is not an author.
    private void CountPapersAndDropUncredited()
    {
        // Counted in place, not grouped: grouping a large import's million byline links made groups of them all at once
        // (the merge's peak memory, 250k-item list: docs/benchmarks.md §13).
        var papers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in _graph.PaperAuthors) CollectionsMarshal.GetValueRefOrAddDefault(papers, link.AuthorKey, out _)++;
        var credited = papers.Keys.Concat(_graph.CodebaseAuthors.Select(l => l.AuthorKey)).ToHashSet(StringComparer.Ordinal);
        _graph.Authors.RemoveAll(a => !credited.Contains(a.Key));
        _graph.AuthorAliases.RemoveAll(a => !credited.Contains(a.AuthorKey));
        foreach (var author in _graph.Authors) author.PaperCount = papers.GetValueOrDefault(author.Key);
    }

    private void CountMentioningLists()
    {
        // Each (paper, list) pair counts once; counted in place rather than grouped, as above.
        var lists = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var mention in _graph.Mentions)
        {
            if (mention.Target == MentionTarget.Paper && seen.Add((mention.TargetKey, mention.SourceName)))
                CollectionsMarshal.GetValueRefOrAddDefault(lists, mention.TargetKey, out _)++;
        }

        foreach (var paper in _graph.Papers) paper.MentionCount = lists.GetValueOrDefault(paper.Key);
    }

    private void Classify(IList<(Source Source, ParsedList List)> lists)
    {
        var order = 0;
        var glued = new GluedAlias(lists.SelectMany(l => l.List.Items));
        foreach (var (source, list) in lists)
        {
            _graph.Sources.Add(source);
            _files[source.Name] = source.FileName;
            foreach (var written in list.Items)
            {
                var item = glued.SplitOff(written);
                var sourced = new SourcedItem(source.Name, item, order++);
                switch (item.SectionKind)
                {
                    case SectionKind.Codebases when LinkEvidence.IsDatasetPage(item.Url):
                        _datasetItems.Add((sourced, item.Title, item.Url));
                        break;
                    case SectionKind.Codebases:
                        _codebaseItems.Add(sourced);
                        break;
                    case SectionKind.Datasets when !LooksLikePaper(item):
                        _datasetItems.Add((sourced, item.Title, item.Url));
                        break;
                    case SectionKind.Datasets:
                        // "UltraFeedback: Boosting Language Models with High-quality Feedback" is both the paper and the dataset it introduces.
                        // Its dataset page, when it links one beside the paper ("Kappa — [HF](…/datasets/…) | [paper](arxiv)").
                        _datasetItems.Add((sourced, DatasetNameFromPaperTitle(item.Title), item.Links.FirstOrDefault(l => LinkEvidence.IsDatasetPage(l.Url))?.Url));
                        _paperItems.Add(sourced);
                        break;
                    default:
                        _paperItems.Add(sourced);
                        break;
                }
            }
        }
    }

    // A dataset item is also a paper only when it is cited like one (an arXiv id, or a byline's venue or year: 002:128's
    // UltraFeedback). People alone are not enough: 003's Dataset section credits creators ("webgptcomparisons - OpenAI").
    private static bool LooksLikePaper(ListItem item) =>
        item.Year is not null || item.Venue is not null || ArxivId.Parse(item.ArxivId ?? item.Url) is not null;

    private static string DatasetNameFromPaperTitle(string title)
    {
        foreach (var separator in (string[])[": ", " - "])
        {
            var at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0) return title[..at].Trim();
        }

        return title;
    }

    private List<PaperCluster> ClusterPapers()
    {
        var (papers, conflicts, copiedLinks) = PaperMerger.Merge(_paperItems.Select(p => p.Item).ToList(), i => Location(_paperItems[i].Source, _paperItems[i].Item),
            person => _authors.Key(_authors.Clean(person)));
        _graph.Conflicts.AddRange(conflicts);
        foreach (var i in copiedLinks) _paperItems[i].ForgetCopiedLink();
        return papers.Select(p => new PaperCluster(p.Items.Select(i => _paperItems[i]).ToList(), p.ArxivId)).ToList();
    }

    private string Location(string source, ListItem item) =>
        $"{_files.GetValueOrDefault(source, source)}:{item.Line}{(item.Column is { } column ? $" (column {column})" : "")}";

    private void RegisterPeople(List<PaperCluster> papers, List<CodebaseCluster> codebases)
    {
        foreach (var cluster in papers)
            RegisterBylines(cluster.Items.Select(i => i.Item.People));
        foreach (var cluster in codebases)
            RegisterBylines(cluster.SectionItems.Select(i => i.Item.People));
        _authors.Complete(_graph);
    }

    private void RegisterBylines(IEnumerable<IReadOnlyList<string>> bylines)
    {
        var cleaned = bylines.Select(b => b.Select(_authors.Register).OfType<string>().ToList()).ToList();
        for (var x = 0; x < cleaned.Count; x++)
        {
            for (var y = x + 1; y < cleaned.Count; y++)
            {
                var shared = Math.Min(cleaned[x].Count, cleaned[y].Count);
                for (var p = 0; p < shared; p++) _authors.SamePosition(cleaned[x][p], cleaned[y][p]);
            }
        }
    }

    private void EmitPapers(List<PaperCluster> clusters, Action? betweenSteps)
    {
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        var datasetItems = _datasetItems.Select(d => d.Item).ToHashSet();
        // The names datasets are split by are read from every item's dataset labels, which the loop below lets go.
        _datasets.ReadVocabulary();
        // Room for every byline and mention up front: a list of a million links that doubles as it fills leaves its old
        // arrays, tens of megabytes each, as garbage only a full collection takes (250k-item list: docs/benchmarks.md §13).
        _graph.PaperAuthors.EnsureCapacity(_graph.PaperAuthors.Count + clusters.Sum(c => c.Items.Max(i => i.Item.People.Count)));
        _graph.Mentions.EnsureCapacity(_graph.Mentions.Count + clusters.Sum(c => c.Items.Count));
        for (var c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c];
            // The items let go below would otherwise add up to the merge's peak. Halfway only: now that the merge makes less
            // garbage, the quarters' collections freed ≈ 35 MB each for ≈ 0.5 s (250k-item list, docs/benchmarks.md §13).
            LargeImport.AtEveryPart(c, clusters.Count, 2, betweenSteps);
            var items = cluster.Items.Select(s => s.Item).ToList();
            // A short name ("InstructGPT", "RLHF") sharing the paper's arXiv id is an alias, never the title over a full one.
            // Most papers are one item (250k-item list: the orderings below were a good part of the merge's garbage, §13).
            var best = items.Count == 1 ? items[0]
                : items.OrderBy(i => TitleKey.IsShortName(i.Title) && items.Any(o => !TitleKey.IsShortName(o.Title)))
                    .ThenByDescending(i => (i.Url is not null ? 2 : 0) + (i.People.Count > 0 ? 1 : 0)).First();
            var titleKey = TitleKey.Of(best.Title);
            var key = cluster.ArxivId is { } id ? $"arxiv:{id}" : $"title:{titleKey}";
            if (!usedKeys.Add(key)) key = $"{key}#{cluster.Items[0].Source}:{cluster.Items[0].Item.Line}";

            var byline = items.Count == 1 ? (best.People.Count > 0 ? best : null)
                : items.Where(i => i.People.Count > 0).OrderBy(i => i.PeopleTruncated).ThenByDescending(i => i.People.Count).FirstOrDefault();
            var kind = PaperMerger.ChooseKind(items, cluster.ArxivId);
            var (venue, venueSource) = PublicationVenue(cluster.Items, cluster.ArxivId, kind);
            var (year, yearSource) = PublicationYear(cluster.Items, cluster.ArxivId);
            // Most papers' venue and year come from the same words of the same item: one string for both.
            if (string.Equals(yearSource, venueSource, StringComparison.Ordinal)) yearSource = venueSource;
            var paper = new Paper
            {
                Key = Truncate(key, 450),
                Title = best.Title,
                TitleKey = titleKey,
                Url = ChooseUrl(items, cluster.ArxivId, best),
                ArxivId = cluster.ArxivId,
                Year = year,
                YearSource = yearSource,
                Venue = venue,
                VenueSource = venueSource,
                Kind = kind,
                Alias = AliasOf(items, titleKey),
                CitationCount = CitationsOf(items),
                HasOfficialCode = items.Any(i => i.Code.Any(c => IsOfficial(c.Label))),
                AuthorsTruncated = byline?.PeopleTruncated ?? false,
            };
            _graph.Papers.Add(paper);

            if (byline is not null)
            {
                var position = 0;
                _seenAuthors.Clear();
                for (var i = 0; i < byline.People.Count; i++)
                {
                    if (_authorKeys[byline.People[i]] is not { } authorKey) continue;
                    // "Tianlin Liu, Tianlin Liu, Leandro von Werra": a repeated name is one author, at its first place.
                    if (_seenAuthors.Add(authorKey)) _graph.PaperAuthors.Add((paper.Key, authorKey, position++));
                }
            }

            foreach (var sourced in cluster.Items)
            {
                _primaryKey[sourced] = paper.Key;
                var item = sourced.Item;
                _graph.Keys.AddPaperItem(paper, item);
                _graph.Mentions.Add(new GraphMention(sourced.Source, item.Section, item.Line, item.Column, MentionTarget.Paper, paper.Key));
                AddKeywords(item, paper.Key, _graph.PaperKeywords);
                foreach (var dataset in item.Datasets)
                    _datasets.Add(sourced, dataset.Label, dataset.Url, d => _graph.PaperDatasets.Add((paper.Key, d)));
            }

            // A dataset section's item is read whole again by EmitDatasets; every other one only for its place.
            foreach (var sourced in cluster.Items)
            {
                if (!datasetItems.Contains(sourced)) sourced.LetGo();
            }
        }

        // The clusters are the caller's too, which would otherwise hold them (and so the items) to the end of the merge.
        clusters.Clear();
        clusters.TrimExcess();
    }

    private void EmitCodebases(List<CodebaseCluster> clusters)
    {
        foreach (var cluster in clusters)
        {
            var candidates = cluster.Candidates;
            // The project's own organisation is the codebase's home (OpenRLHF/OpenRLHF over OpenLLMAI/OpenRLHF, which more lists
            // still link to), else the repository most lists link to (huggingface/trl over lvwerra/trl).
            var home = candidates.Where(c => c.UrlKey is not null)
                .GroupBy(c => c.UrlKey!, StringComparer.Ordinal)
                .OrderByDescending(g => g.First().Repository is { } repository && RepositoryUrl.IsOwnOrganisation(repository))
                .ThenByDescending(g => g.Count()).ThenBy(g => g.Min(c => c.Item.Order))
                .Select(g => g.First()).FirstOrDefault() ?? candidates[0];
            var sectionItems = cluster.SectionItems.ToList();
            var key = home.UrlKey ?? $"name:{home.NameKeys.FirstOrDefault() ?? home.Item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            // The fullest name a linked list gives ("Transformer Reinforcement Learning (TRL)" over "trl"), less a description it
            // carries in parentheses ("RL4LMs (A modular RL library to fine-tune language models to human preferences)").
            var (written, aside) = NameAndAside(sectionItems.OrderByDescending(i => i.Item.Url is not null).ThenByDescending(i => i.Item.Title.Length)
                .Select(i => i.Item.Title).FirstOrDefault());
            var codebase = new Codebase
            {
                Key = Truncate(key, 450),
                Name = written ?? home.Repository?.Name ?? WebUrl.Name(home.Url) ?? home.Url ?? key,
                Url = home.Repository?.Url ?? home.Url,
                Host = home.Repository?.Host ?? HostOf(home.Url),
                Owner = home.Repository?.Owner,
                Repository = home.Repository?.Name,
                Description = sectionItems.Select(i => i.Item.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? aside,
            };
            _graph.Codebases.Add(codebase);

            var people = sectionItems.Where(i => i.Item.People.Count > 0)
                .OrderBy(i => i.Item.PeopleTruncated).ThenByDescending(i => i.Item.People.Count).FirstOrDefault();
            if (people is not null)
            {
                var position = 0;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var raw in people.Item.People)
                {
                    if (_authorKeys[raw] is not { } authorKey) continue;
                    if (seen.Add(authorKey)) _graph.CodebaseAuthors.Add((codebase.Key, authorKey, position++));
                }
            }

            foreach (var candidate in candidates)
            {
                var place = candidate.Item;
                if (candidate.UrlKey != codebase.Key) _graph.Keys.Add(nameof(Codebase), codebase.Key, candidate.UrlKey ?? (candidate.NameKeys is [var name, ..] ? $"name:{name}" : null));
                _graph.Mentions.Add(new GraphMention(place.Source, place.Section, place.Line, place.Column, MentionTarget.Codebase, codebase.Key));
                // A paper's code link: the paper's item was let go once the paper was made, only its place is left.
                if (candidate.CodeLabel is not null)
                {
                    _graph.PaperCodebases.Add((_primaryKey[place], codebase.Key, RelationOf(candidate.CodeLabel)));
                    continue;
                }

                var item = place.Item;
                _primaryKey[place] = $"codebase:{codebase.Key}";
                AddKeywords(item, codebase.Key, _graph.CodebaseKeywords);
                foreach (var dataset in item.Datasets)
                    _datasets.Add(place, dataset.Label, dataset.Url, d => _graph.CodebaseDatasets.Add((codebase.Key, d)));
            }
        }

        // As in EmitPapers: the caller's list would otherwise hold every candidate to the end of the merge.
        clusters.Clear();
        clusters.TrimExcess();
    }

    private void EmitDatasets()
    {
        foreach (var (item, name, url) in _datasetItems)
        {
            var isPaper = _primaryKey.TryGetValue(item, out var paperKey);
            _datasets.Add(item, name, url, isPaper ? d => _graph.PaperDatasets.Add((paperKey!, d)) : null);
            if (!isPaper) _primaryKey[item] = $"dataset:{DatasetName.Key(name)}";
            AddKeywordsOnly(item.Item);
        }

        // A codebase that another list files under "Dataset" (HH-RLHF, PromptSource) is also that dataset.
        foreach (var codebase in _graph.Codebases)
        {
            if (_datasets.ForCodebase(codebase) is { } dataset)
            {
                _graph.CodebaseDatasets.Add((codebase.Key, dataset.Key));
            }
        }

        // One address, one entity: a dataset linked to a codebase's repository (003's HH-RLHF at github.com/anthropics/hh-rlhf) is
        // data that codebase holds; the codebase gets the dataset link and keeps the address, the dataset does not repeat it.
        var holders = _graph.Codebases.Where(c => AddressKey(c.Url) is not null).GroupBy(c => AddressKey(c.Url)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var linked = _graph.CodebaseDatasets.ToHashSet();
        foreach (var dataset in _graph.Datasets)
        {
            if (AddressKey(dataset.Url) is not { } address || !holders.TryGetValue(address, out var holder)) continue;
            if (linked.Add((holder.Key, dataset.Key))) _graph.CodebaseDatasets.Add((holder.Key, dataset.Key));
            dataset.Url = null;
        }

        _datasets.Complete();
    }

    // Dataset-section items carry keywords and tasks too, but datasets have no keyword links in the model;
    // registering them keeps the vocabulary complete for keyword search.
    private void AddKeywordsOnly(ListItem item) => AddKeywords(item, null, null);

    /// <summary>Registers the item's keywords and links each once to <paramref name="owner"/> in <paramref name="links"/>, when given.</summary>
    private void AddKeywords(ListItem item, string? owner, List<(string, string)>? links)
    {
        // One set for every item, emptied each time, and the links added here rather than through a delegate (250k-item list:
        // a set and a closure per item, docs/benchmarks.md §13).
        _seenKeywords.Clear();
        foreach (var (names, category) in (ReadOnlySpan<(IReadOnlyList<string>, KeywordCategory)>)[(item.Keywords, KeywordCategory.Topic), (item.Environments, KeywordCategory.Environment), (item.Tasks, KeywordCategory.Task)])
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (_keywords.Add(names[i], category) is { } key && _seenKeywords.Add(key)) links?.Add((owner!, key));
            }
        }
    }

    private void EmitReports(List<Source> sources, List<(int Seen, int Items, int Skipped)> counts)
    {
        var firstItemOfEntity = new Dictionary<string, SourcedItem>(StringComparer.Ordinal);
        foreach (var (item, key) in _primaryKey.OrderBy(p => p.Key.Order)) firstItemOfEntity.TryAdd(key, item);
        var imported = _primaryKey.Where(p => ReferenceEquals(firstItemOfEntity[p.Value], p.Key))
            .GroupBy(p => p.Key.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = _primaryKey.Keys.GroupBy(k => k.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (source, (seen, items, skipped)) in sources.Zip(counts))
        {
            var made = imported.GetValueOrDefault(source.Name);
            var all = total.GetValueOrDefault(source.Name);
            _graph.SourceReports.Add(new SourceReport(source.Name, seen, made, all - made, skipped));
            source.ItemCount = items;
        }
    }

    /// <summary>The first alias an item gives, else the first short name that is not the title itself ("InstructGPT" beside its full title).</summary>
    private static string? AliasOf(List<ListItem> items, string titleKey)
    {
        foreach (var item in items)
        {
            if (!string.IsNullOrWhiteSpace(item.Alias)) return item.Alias;
        }

        foreach (var item in items)
        {
            if (TitleKey.IsShortName(item.Title) && !string.Equals(TitleKey.Of(item.Title), titleKey, StringComparison.Ordinal)) return item.Title;
        }

        return null;
    }

    /// <summary>The largest citation count any item gives, none when none does.</summary>
    private static int? CitationsOf(List<ListItem> items)
    {
        int? most = null;
        foreach (var item in items)
        {
            if (item.CitationCount is >= 0 and var count && (most is null || count > most)) most = count;
        }

        return most;
    }

    private static string? ChooseUrl(List<ListItem> items, string? arxivId, ListItem best)
    {
        if (arxivId is not null)
        {
            var abs = items.Select(i => i.Url).FirstOrDefault(u => u is not null
                && u.Contains("/abs/", StringComparison.OrdinalIgnoreCase)
                && string.Equals(ArxivId.Parse(u), arxivId, StringComparison.Ordinal));
            if (abs is not null) return abs;
        }

        return best.Url ?? items.Select(i => i.Url).FirstOrDefault(u => u is not null);
    }

    /// <summary>
    /// Where the work appeared, and which mention says so: a venue an item names (its byline, a venue link, "(NeurIPS 2023)", a venue
    /// line, a venue column) over the venue its proceedings link names, over "arXiv" (named, or from the arXiv id), over a blog's publisher.
    /// </summary>
    private (string? Venue, string? Source) PublicationVenue(List<SourcedItem> items, string? arxivId, PaperKind kind)
    {
        if (items.FirstOrDefault(i => i.Item.Venue is { } v && !IsArxiv(v)) is { } named) return (named.Item.Venue, $"{At(named)}: the item's own text");
        foreach (var item in items)
        {
            if (LinkedVenue(item.Item) is { } linked) return (linked.Venue, $"{At(item)}: proceedings link");
        }

        if (items.FirstOrDefault(i => i.Item.Venue is not null) is { } arxiv) return (arxiv.Item.Venue, $"{At(arxiv)}: the item's own text");
        if (arxivId is not null) return ("arXiv", $"{At(items.FirstOrDefault(i => ArxivId.Parse(i.Item.ArxivId ?? i.Item.Url) == arxivId) ?? items[0])}: arXiv id");
        // A tag that another list (or the item's own site) shows to be the author is no publisher: "[Lilian Weng] [Reward Hacking …]".
        if (kind == PaperKind.BlogPost
            && items.FirstOrDefault(i => i.Item.Organization is { } tag && !items.Any(o => o.Item.People.Contains(tag, StringComparer.OrdinalIgnoreCase))) is { } publisher)
            return (publisher.Item.Organization, $"{At(publisher)}: publisher tag");
        return (null, null);
    }

    /// <summary>
    /// The year the work appeared, and which mention says so: what an item says (its byline, venue line, "(NeurIPS 2023)", a year
    /// column), else the year its proceedings link names, else a date in its address when it has no arXiv id (a blog post's
    /// "/posts/2024-11-28-…"), else its list's year heading ("### 2024": a 2023 preprint published in 2024),
    /// else the arXiv submission year; an "… and before" heading only bounds the year, so it comes last.
    /// </summary>
    private (int? Year, string? Source) PublicationYear(List<SourcedItem> items, string? arxivId)
    {
        var submitted = ArxivId.Year(arxivId);
        if (items.FirstOrDefault(i => i.Item.Year is not null) is { } own) return (own.Item.Year, $"{At(own)}: the item's own text");
        foreach (var item in items)
        {
            if (LinkedVenue(item.Item) is { } linked) return (linked.Year, $"{At(item)}: proceedings link");
        }

        // Not for a paper on arXiv, which its id dates; a blog post or a page has nothing else of its own.
        foreach (var item in arxivId is null ? items : [])
        {
            if (LinkEvidence.DatedYear(item.Item.Url) is { } dated) return (dated, $"{At(item)}: dated address");
        }

        if (items.FirstOrDefault(i => i.Item.SectionYear is { } y && !SectionClassifier.IsYearBound(i.Item.Section) && (submitted is null || y >= submitted)) is { } headed)
            return (headed.Item.SectionYear, $"{At(headed)}: year heading \"{headed.Item.Section}\"");
        if (submitted is not null) return (submitted, $"{At(items.FirstOrDefault(i => ArxivId.Parse(i.Item.ArxivId ?? i.Item.Url) == arxivId) ?? items[0])}: arXiv id");
        if (items.FirstOrDefault(i => i.Item.SectionYear is not null) is { } bounded)
            return (bounded.Item.SectionYear, $"{At(bounded)}: year heading \"{bounded.Item.Section}\"");
        return (null, null);
    }

    private static (string Venue, int Year)? LinkedVenue(ListItem item) =>
        Venue.OfUrl(item.Url) ?? item.Links.Select(l => Venue.OfUrl(l.Url)).FirstOrDefault(v => v is not null);

    private string At(SourcedItem item) => Truncate(Location(item.Source, item.Item), 300);

    private static string? AddressKey(string? url) => RepositoryUrl.Normalize(url)?.Key ?? WebUrl.Key(url);

    private static bool IsArxiv(string venue) => venue.Equals("arXiv", StringComparison.OrdinalIgnoreCase);

    private static bool IsOfficial(string label) => label.Equals("official", StringComparison.OrdinalIgnoreCase);

    private static CodeRelation RelationOf(string label) =>
        IsOfficial(label) ? CodeRelation.Official
        : label.Replace("-", " ", StringComparison.Ordinal).Equals("third party", StringComparison.OrdinalIgnoreCase) ? CodeRelation.ThirdParty
        : CodeRelation.Unspecified;

    /// <summary>"Name (a description of four words or more)" as the name and the description; any other title as it is.</summary>
    private static (string? Name, string? Aside) NameAndAside(string? title)
    {
        var open = title?.IndexOf(" (", StringComparison.Ordinal) ?? -1;
        if (title is null || open <= 0 || !title.EndsWith(')')) return (title, null);
        var (name, aside) = (title[..open].Trim(), title[(open + 2)..^1].Trim());
        return WordCount(name) <= 3 && WordCount(aside) >= 4 && !aside.Contains('(', StringComparison.Ordinal) ? (name, aside) : (title, null);
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant().Replace("www.", "", StringComparison.Ordinal) : null;

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
