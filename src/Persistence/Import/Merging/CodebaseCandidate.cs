using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>One place that names a codebase: a codebase-section item (CodeLabel null) or a paper's code link.</summary>
internal sealed record CodebaseCandidate(SourcedItem Item, string? CodeLabel, string? Url, NormalizedRepository? Repository, string? UrlKey, IReadOnlyList<string> NameKeys)
{
    public static CodebaseCandidate From(string? url, string? title, SourcedItem item, string? codeLabel)
    {
        var repository = RepositoryUrl.Normalize(url);
        var urlKey = repository?.Key ?? FoldUrl(url);
        var names = new List<string>();
        if (title is not null && TitleKey.Of(title) is { Length: > 0 } t) names.Add(t);
        if (repository is not null && TitleKey.Of(repository.Name) is { Length: > 0 } r && !names.Contains(r)) names.Add(r);
        return new CodebaseCandidate(item, codeLabel, url, repository, urlKey, names);
    }

    private static string? FoldUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        return $"{host}{uri.AbsolutePath.TrimEnd('/').ToLowerInvariant()}";
    }
}
