namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// Code links: `github.com/huggingface/trl/tree/main` (000:210) and `https://github.com/huggingface/trl` (004:83)
/// are one repository; scheme, www, case, ".git", "/tree/…", "/blob/…", query and fragment do not matter.
/// </summary>
internal static class RepositoryUrl
{
    private static readonly HashSet<string> CodeHosts = new(StringComparer.OrdinalIgnoreCase) { "github.com", "gitlab.com", "bitbucket.org", "codeberg.org" };

    // First path segments that are site pages, not owners.
    private static readonly HashSet<string> ReservedOwners = new(StringComparer.OrdinalIgnoreCase) { "orgs", "topics", "sponsors", "features", "marketplace", "settings", "search", "about" };

    /// <summary>The repository a URL points into, or null for anything else (project pages, papers, gists, blogs).</summary>
    public static NormalizedRepository? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!AbsoluteUri.TryCreate(text, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (!CodeHosts.Contains(host)) return null;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || ReservedOwners.Contains(segments[0])) return null;
        var owner = Uri.UnescapeDataString(segments[0]);
        var name = Uri.UnescapeDataString(segments[1]);
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
        if (owner.Length == 0 || name.Length == 0) return null;
        return new NormalizedRepository($"https://{host}/{owner}/{name}", host, owner, name);
    }

    /// <summary>
    /// One repository under an old and a new owner (001:255 `lvwerra/trl` and 000:210 `huggingface/trl`):
    /// the same name on the same host, and evidence tying the owners: a person listed for either is also
    /// listed for the other, an owner's handle spells a listed person's name ("lvwerra" = Leandro von Werra),
    /// or one owner is the project's own organisation (`OpenLLMAI/OpenRLHF`, 000:212, and `OpenRLHF/OpenRLHF`
    /// in opendilab's newest list: a project moved to an organisation named after it).
    /// </summary>
    public static bool IsLikelyMove(NormalizedRepository a, NormalizedRepository b, IReadOnlyCollection<string> peopleOfA, IReadOnlyCollection<string> peopleOfB)
    {
        if (!string.Equals(a.Host, b.Host, StringComparison.Ordinal) || !string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Owner, b.Owner, StringComparison.OrdinalIgnoreCase))
            return false;
        if (IsOwnOrganisation(a) || IsOwnOrganisation(b)) return true;
        var keysA = peopleOfA.Select(PersonName.Key).ToHashSet(StringComparer.Ordinal);
        if (peopleOfB.Select(PersonName.Key).Any(keysA.Contains)) return true;
        return peopleOfA.Concat(peopleOfB).Any(p => IsHandleOf(a.Owner, p) || IsHandleOf(b.Owner, p));
    }

    /// <summary>
    /// The repository's owner is named after it (`OpenRLHF/OpenRLHF`, `vllm-project/vllm` is not): an organisation made for the
    /// project, so its home wherever else the same name lives (see <see cref="IsLikelyMove"/>). Case and punctuation do not matter.
    /// </summary>
    public static bool IsOwnOrganisation(NormalizedRepository repository) =>
        string.Equals(Compact(repository.Owner), Compact(repository.Name), StringComparison.Ordinal);

    private static string Compact(string segment) => TextNormalization.FoldToWords(segment).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>"lvwerra" for "Leandro von Werra": the handle ends with the family name and starts with the first initial.</summary>
    internal static bool IsHandleOf(string handle, string person)
    {
        var words = PersonName.Key(person).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return false;
        var h = TextNormalization.FoldToWords(handle).Replace(" ", "", StringComparison.Ordinal);
        var family = words[^1];
        return family.Length >= 4 && h.Length > family.Length && h.EndsWith(family, StringComparison.Ordinal) && h[0] == words[0][0];
    }
}
