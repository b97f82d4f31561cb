namespace RlhfGraph.Corpus;

/// <summary>
/// Words the synthetic lists are made of. Invented words come from disjoint syllable sets of fixed
/// length, so two encodings of different numbers never spell the same word: titles stay distinct
/// (no two share enough words to look like near-duplicates) and no two authors share a name.
/// </summary>
internal static class Vocabulary
{
    private static readonly string[] TitleSyllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "da", "fe", "go", "hu", "ji", "pa", "wy"];
    private static readonly string[] TaglineSyllables =
    [
        "bar", "cel", "dor", "fin", "gal", "hex", "ion", "jun", "kor", "lum", "mar", "nox", "orb", "pix", "qua", "ren",
        "sol", "tor", "umb", "vex", "wol", "xan", "yar", "zed", "alt", "bel", "cyr", "dex", "eon", "fyr", "gil", "hal",
    ];

    private static readonly string[] FamilySyllables = ["an", "be", "co", "di", "el", "fo", "gu", "ha", "in", "jo", "ki", "la", "mo", "nu", "os", "pe", "ri", "so", "tu", "va", "we", "xi", "yo", "ze"];
    private static readonly string[] ThingSyllables = ["bra", "cre", "dri", "flo", "gra", "kle", "pro", "qui", "sta", "tri", "vra", "zlo"];

    public static readonly string[] GivenNames =
    [
        "Aiko", "Alex", "Amara", "Anders", "Bilal", "Carmen", "Chen", "Dario", "Elena", "Emeka", "Fatima", "Felix", "Hana", "Hugo",
        "Ines", "Ivan", "Jiwoo", "Jonas", "Kavya", "Laila", "Lucas", "Mei", "Mateo", "Nadia", "Nikhil", "Olga", "Omar", "Priya",
        "Rémi", "Rui", "Sara", "Sven", "Tariq", "Tomás", "Uma", "Viktor", "Wen", "Xin", "Yara", "Yusuf", "Zofia", "Zhao",
    ];

    public static readonly string[] Adjectives =
    [
        "Scalable", "Robust", "Efficient", "Principled", "Adaptive", "Offline", "Online", "Iterative", "Contrastive", "Hierarchical",
        "Conservative", "Implicit", "Explicit", "Sparse", "Dense", "Calibrated", "Provable", "Stable", "Unified", "Modular",
        "Lightweight", "Distributional", "Pessimistic", "Optimistic", "Multimodal", "Decentralized", "Interpretable", "Adversarial",
    ];

    public static readonly string[] Nouns =
    [
        "Preference", "Reward", "Policy", "Critique", "Feedback", "Alignment", "Distillation", "Ranking", "Exploration", "Regularization",
        "Annotation", "Rejection", "Verification", "Decoding", "Planning", "Imitation", "Selection", "Shaping", "Tuning", "Guidance",
        "Bootstrapping", "Calibration", "Aggregation", "Elicitation", "Comparison", "Sampling", "Search", "Ensembling",
    ];

    public static readonly string[] Topics =
    [
        "Dialogue", "Summarization", "Reasoning", "Robotics", "Code", "Mathematics", "Translation", "Retrieval", "Agents", "Games",
        "Vision", "Speech", "Chatbots", "Safety", "Honesty", "Helpfulness", "Instructions", "Navigation", "Manipulation", "Recommendation",
        "Driving", "Chemistry", "Medicine", "Law", "Education", "Music", "Captioning", "Tutoring",
    ];

    public static readonly string[] Venues = ["arXiv", "arXiv", "arXiv", "NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "AAAI"];

    private static readonly string[] KeywordAspects =
    [
        "reward modeling", "preference learning", "policy optimization", "human evaluation", "red teaming", "value learning",
        "reward hacking", "data collection", "scaling laws", "self play", "constitutional training", "process supervision",
        "online learning", "offline learning", "inverse learning", "active learning", "uncertainty estimation", "model merging",
        "tool use", "long context",
    ];

    private static readonly string[] DatasetSuffixes = ["QA", "Pref", "Bench", "Dialog", "Instruct", "Math", "Code", "Eval"];

    /// <summary>The first word of a paper's codename; distinct for every index below 2^20.</summary>
    public static string Codename(int index) => Encode(index, TitleSyllables, 5);

    /// <summary>The second word of a paper's codename, from another syllable set and a scrambled index.</summary>
    public static string Tagline(int index) => Encode((int)(((long)index * 40503 + 12345) & 0xFFFFF), TaglineSyllables, 4);

    public static string FamilyName(int index) => Encode(index, FamilySyllables, 5);

    public static string PersonName(int index) => $"{GivenNames[(int)((index * 2654435761L) % GivenNames.Length)]} {FamilyName(index)}";

    public static string FrameworkName(int index) => Encode(index, ThingSyllables, 3).ToLowerInvariant() + "-rl";

    public static string DatasetName(int index) => $"{Encode(index, ThingSyllables, 4)}-{DatasetSuffixes[index % DatasetSuffixes.Length]}";

    public static string KeywordName(int index)
    {
        var aspect = KeywordAspects[index % KeywordAspects.Length];
        var topic = Topics[index / KeywordAspects.Length % Topics.Length].ToLowerInvariant();
        var round = index / (KeywordAspects.Length * Topics.Length);
        return round == 0 ? $"{aspect} for {topic}" : $"{aspect} for {topic} {Encode(round, ThingSyllables, 2).ToLowerInvariant()}";
    }

    private static string Encode(int value, string[] syllables, int length)
    {
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            chars.Append(syllables[value % syllables.Length]);
            value /= syllables.Length;
        }

        chars[0] = char.ToUpperInvariant(chars[0]);
        return chars.ToString();
    }
}
