using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// Real lists the importer was not written for (shared/lists beside the repository, never copied into it), imported with no
/// manifest, alone and together with the five seeds. Counts and facts were checked by reading the files; see each test.
/// </summary>
public sealed class SharedListImportTests
{
    private const string OpenDilab = "opendilab-newest-e5942c0.md";
    private const string Louieworth = "louieworth-newest-d44ba14.md";
    private const string Jordimas = "jordimas-220ba2b.md";

    /// <summary>RLHFGRAPH_SHARED_LISTS, else the first shared/lists folder above the repository.</summary>
    internal static string? Folder()
    {
        if (Environment.GetEnvironmentVariable("RLHFGRAPH_SHARED_LISTS") is { Length: > 0 } configured) return Directory.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(RepositoryFiles.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "lists");
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }

    private static string List(string file)
    {
        var folder = Folder();
        if (folder is null || !File.Exists(Path.Combine(folder, file))) Assert.Skip($"shared/lists/{file} is not here (set RLHFGRAPH_SHARED_LISTS to the folder holding it)");
        return Path.Combine(folder, file);
    }

    private static async Task<(TestDatabase Database, ImportReport Report)> ImportAloneAsync(string file)
    {
        var database = await TestDatabase.CreateAsync();
        return (database, await database.CreateImporter().ImportAsync(AwesomeListImportTests.FolderWith(List(file))));
    }

    /// <summary>The five seeds with their manifest, plus the list as one more source whose format is left to detection.</summary>
    private static async Task<(TestDatabase Database, ImportReport Report)> ImportWithSeedsAsync(string file)
    {
        var path = List(file);
        var folder = AwesomeListImportTests.FolderWith([.. Directory.GetFiles(TestDatabase.SeedDirectory), path]);
        var manifest = File.ReadAllText(Path.Combine(folder, SeedManifest.FileName)).TrimEnd().TrimEnd(']');
        File.WriteAllText(Path.Combine(folder, SeedManifest.FileName), $"{manifest},\n  {{ \"name\": \"shared\", \"file\": \"{file}\" }}\n]\n");
        var database = await TestDatabase.CreateAsync();
        return (database, await database.CreateImporter().ImportAsync(folder));
    }

    private static Task<Paper> PaperAsync(TestDatabase database, string title) => PaperWhereAsync(database, p => p.Title == title);

    private static async Task<Paper> PaperWhereAsync(TestDatabase database, System.Linq.Expressions.Expression<Func<Paper, bool>> where)
    {
        await using var db = database.CreateContext();
        return Assert.Single(await db.Papers.Where(where)
            .Include(p => p.Authors.OrderBy(a => a.Position)).ThenInclude(a => a.Author)
            .Include(p => p.Codebases).ThenInclude(c => c.Codebase)
            .Include(p => p.Mentions)
            .AsSplitQuery().ToListAsync());
    }

    private static List<string> Authors(Paper paper) => [.. paper.Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name)];

    private static async Task<Dictionary<PaperKind, int>> KindsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Papers.GroupBy(p => p.Kind).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    [Fact]
    public async Task LouieworthNewestImportsEveryItemAndKeepsTheTypoedArxivIdApart()
    {
        // 106 items by hand (Review/Survey 5, Theory/Methods 80, Other Domains 8, Datasets 2, Blogs 4, Talks 3, Reports 2, software 2);
        // five papers are listed twice (lines 49/65, 101/109, 123/143, 139/179, and 57/149: one arXiv id, renamed, same authors).
        var (database, report) = await ImportAloneAsync(Louieworth);
        await using var _ = database;

        var source = Assert.Single(report.Sources);
        Assert.Equal((106, 101, 5, 0), (source.Seen, source.Imported, source.Merged, source.Skipped));
        Assert.Equal(["louieworth-newest-d44ba14.md:73 and louieworth-newest-d44ba14.md:75 share the arXiv id 2403.05534"],
            report.Conflicts.Select(c => c[..c.IndexOf(" but", StringComparison.Ordinal)]));
        Assert.Equal((99, 2, 2), (report.Papers, report.Codebases, report.Datasets));
        Assert.Equal(new Dictionary<PaperKind, int> { [PaperKind.Survey] = 5, [PaperKind.Paper] = 85, [PaperKind.BlogPost] = 4, [PaperKind.Talk] = 3, [PaperKind.TechnicalReport] = 2 }, await KindsAsync(database));

        // The list's typo: line 73 links line 75's arXiv id, but cites itself as "arXiv, 2023", which a 2403.… preprint cannot be.
        Assert.EndsWith("; louieworth-newest-d44ba14.md:73 dates itself as an arXiv preprint before the id's year, so the id is louieworth-newest-d44ba14.md:75's", report.Conflicts[0], StringComparison.Ordinal);
        var easy = await PaperAsync(database, "Easy-to-Hard Generalization: Scalable Alignment Beyond Human Supervision");
        Assert.Equal(((string?)null, (string?)null, 2023), (easy.ArxivId, easy.Url, easy.Year));
        Assert.Equal(["Zhiqing Sun", "Longhui Yu", "Yikang Shen", "Weiyang Liu", "Yiming Yang", "Sean Welleck", "Chuang Gan"], Authors(easy));
        var bayes = await PaperWhereAsync(database, p => p.ArxivId == "2403.05534");
        Assert.Equal(("Bayesian Preference Elicitation with Language Models", "https://arxiv.org/abs/2403.05534"), (bayes.Title, bayes.Url));
        Assert.Equal(["Kunal Handa", "Yarin Gal", "Ellie Pavlick", "Noah Goodman", "Jacob Andreas", "Alex Tamkin", "Belinda Z. Li"], Authors(bayes));
        var survey = await PaperWhereAsync(database, p => p.ArxivId == "2404.09932");
        Assert.Equal((PaperKind.Survey, 2024, "Usman Anwar", 38), (survey.Kind, survey.Year, Authors(survey)[0], survey.Authors.Count));
        Assert.Equal(2, (await PaperWhereAsync(database, p => p.ArxivId == "2404.09656")).Mentions.Count);
        Assert.Equal(2, (await PaperWhereAsync(database, p => p.ArxivId == "2305.14718")).Mentions.Count);
        // Line 124's byline is not indented; it still belongs to line 123's paper.
        var paradigm = await PaperWhereAsync(database, p => p.ArxivId == "2310.12036");
        Assert.Equal(("Mohammad Gheshlaghi Azar", "Rémi Munos", 7), (Authors(paradigm)[0], Authors(paradigm)[^1], paradigm.Authors.Count));
        var dpo = await PaperWhereAsync(database, p => p.ArxivId == "2305.18290");
        Assert.Equal(("NeurIPS", 2023, 6), (dpo.Venue, dpo.Year, dpo.Authors.Count));
        var cppo = await PaperAsync(database, "CPPO: Continual Learning for Reinforcement Learning with Human Feedback");
        Assert.Equal(("https://openreview.net/forum?id=86zAUE80pP", "ICLR", 2024), (cppo.Url, cppo.Venue, cppo.Year));
        var talk = await PaperAsync(database, "Reinforcement Learning from Human Feedback: From Zero to chatGPT");
        Assert.Equal(PaperKind.Talk, talk.Kind);
        Assert.Equal(["Nathan Lambert"], Authors(talk));
        Assert.Equal(PaperKind.BlogPost, (await PaperAsync(database, "Illustrating Reinforcement Learning from Human Feedback (RLHF)")).Kind);
        Assert.Equal(PaperKind.TechnicalReport, (await PaperAsync(database, "GPT-4 Technical Report")).Kind);
        await using var db = database.CreateContext();
        Assert.Contains("https://github.com/OpenLLMAI/OpenRLHF", await db.Codebases.Select(c => c.Url).ToListAsync());
    }

    [Fact]
    public async Task OpenDilabNewestImportsEveryItemAndKeepsBothTypoedKeysApart()
    {
        // 171 items by hand: papers 16 (2025) + 44 + 38 + 14 + 5 + 7 (2020 and before) = 124, codebases 17 (line 735's
        // "-[Safe-RLHF]" has no space after the dash), datasets 11, blogs 16, books 3. Two papers are listed twice (256/342, 337/438).
        // Of the 16 "blogs", line 808 is a YouTube video (a talk) and line 812 a picture (".JPG", reported: an image is never a work).
        var (database, report) = await ImportAloneAsync(OpenDilab);
        await using var _ = database;

        var source = Assert.Single(report.Sources);
        Assert.Equal((171, 168, 2, 1), (source.Seen, source.Imported, source.Merged, source.Skipped));
        Assert.StartsWith("opendilab-newest-e5942c0.md:812: its only link is an image", Assert.Single(report.SkippedItems), StringComparison.Ordinal);
        Assert.Equal(
            [
                "opendilab-newest-e5942c0.md:105 and opendilab-newest-e5942c0.md:109 share the arXiv id 2503.00897",
                "opendilab-newest-e5942c0.md:256 and opendilab-newest-e5942c0.md:266 share the link openaccess.thecvf.com/content/CVPR2024/html/Yu_RLHF-V_Towards_Trustworthy_MLLMs_via_Behavior_Alignment_from_Fine-grained_Correctional_CVPR_2024_paper.html",
            ],
            report.Conflicts.Select(c => c[..c.IndexOf(" but", StringComparison.Ordinal)]));
        var kinds = await KindsAsync(database);
        Assert.Equal((122, 14, 1, 3), (kinds[PaperKind.Paper] + kinds.GetValueOrDefault(PaperKind.Survey) + kinds.GetValueOrDefault(PaperKind.TechnicalReport), kinds[PaperKind.BlogPost], kinds[PaperKind.Talk], kinds[PaperKind.Book]));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(17, await db.Mentions.Where(m => m.CodebaseId != null && m.Section == "Codebases").Select(m => m.Line).Distinct().CountAsync());
            Assert.Equal(11, await db.Mentions.Where(m => m.DatasetId != null && m.Section == "Dataset").Select(m => m.Line).Distinct().CountAsync());
            Assert.Contains("https://github.com/PKU-Alignment/safe-rlhf", await db.Codebases.Select(c => c.Url).ToListAsync());
            // Line 707's link text carries a description in parentheses; line 680 credits a team, then its people.
            var rl4lms = await db.Codebases.SingleAsync(c => c.Url == "https://github.com/allenai/RL4LMs");
            Assert.Equal(("RL4LMs", "A modular RL library to fine-tune language models to human preferences"), (rl4lms.Name, rl4lms.Description));
            var verl = await db.Codebases.Include(c => c.Authors).ThenInclude(a => a.Author).SingleAsync(c => c.Url == "https://github.com/volcengine/verl");
            Assert.Equal(["ByteDance Seed MLSys Team & HKU", "Guangming Sheng", "Chi Zhang"], verl.Authors.OrderBy(a => a.Position).Take(3).Select(a => a.Author!.Name));
            Assert.Null(verl.Description);
            // Line 568 links SST-2 to a model fine-tuned on it, line 676 to the dataset's own page, which is the dataset's address.
            Assert.Equal("https://huggingface.co/datasets/stanfordnlp/sst2", (await db.Datasets.SingleAsync(d => d.Name == "SST-2")).Url);
            // Lines 335 and 340 link their code's project sites ("Code: [official](http://rl-diffusion.github.io/)"): named by the site.
            var names = await db.Codebases.Select(c => c.Name).ToListAsync();
            Assert.Contains("rl-diffusion", names);
            Assert.Contains("aligndiff", names);
            Assert.DoesNotContain(names, n => n.StartsWith("http", StringComparison.Ordinal));
            // "LLMs" (line 98 and most others) and "LLM" (line 243) are one keyword named by the most used spelling.
            Assert.Equal("LLMs", (await db.Keywords.SingleAsync(k => k.Key == "topic:llm")).Name);
            Assert.Equal(0, await db.Keywords.CountAsync(k => k.Name == "LLM" || k.Name == "Diffusion Models"));
            // Line 368: "Dataset: [official](https://uni-rlhf.github.io/)" links the paper's data; no dataset is named "official".
            Assert.False(await db.Datasets.AnyAsync(d => d.Name == "official"));
        }

        var mislead = await PaperWhereAsync(database, p => p.ArxivId == "2503.00897");
        Assert.Equal(("Language Models Learn to Mislead Humans via RLHF", "Jiaxin Wen", 9), (mislead.Title, Authors(mislead)[0], mislead.Authors.Count));
        var diffusion = await PaperAsync(database, "A Simple and Effective Reinforcement Learning Method for Text-to-Image Diffusion Fine-tuning");
        Assert.Null(diffusion.ArxivId);
        Assert.Equal(["Shashank Gupta", "Chaitanya Ahuja", "Tsung-Yu Lin", "Sreya Dutta Roy", "Harrie Oosterhuis", "Maarten de Rijke", "Satya Narayan Shukla"], Authors(diffusion));
        Assert.Equal("Tianyu Yu", Authors(await PaperAsync(database, "Rlhf-v: Towards trustworthy mllms via behavior alignment from fine-grained correctional human feedback"))[0]);
        // Line 256 lists RLHF-V's CVF page under this title (the page's address spells out RLHF-V's title): the paper takes its
        // address, venue and year from line 342's arXiv link, and RLHF-V keeps its page.
        var dense = await PaperAsync(database, "Dense Reward for Free in Reinforcement Learning from Human Feedback");
        Assert.Equal((2, "https://arxiv.org/pdf/2402.00782", "arXiv", 2024), (dense.Mentions.Count, dense.Url, dense.Venue, dense.Year));
        var rlhfV = await PaperAsync(database, "Rlhf-v: Towards trustworthy mllms via behavior alignment from fine-grained correctional human feedback");
        Assert.Equal(("CVPR", 2024), (rlhfV.Venue, rlhfV.Year));
        Assert.EndsWith("; the address names the work of opendilab-newest-e5942c0.md:266, so opendilab-newest-e5942c0.md:256 keeps neither it nor the venue and year it names",
            report.Conflicts[1], StringComparison.Ordinal);
        // Line 813: "[Lilian Weng] [Reward Hacking …](https://lilianweng.github.io/…)": the tag names the site's owner, its author.
        var hacking = await PaperAsync(database, "Reward Hacking in Reinforcement Learning");
        Assert.Equal(["Lilian Weng"], Authors(hacking));
        Assert.Equal(((string?)null, 2024), (hacking.Venue, hacking.Year));
        var openRlhf = await PaperAsync(database, "OpenRLHF: A Ray-based Easy-to-use, Scalable and High-performance RLHF Framework");
        Assert.Equal(("Jian Hu", "Yiming Liu", 14), (Authors(openRlhf)[0], Authors(openRlhf)[^1], openRlhf.Authors.Count));
        var christiano = await PaperWhereAsync(database, p => p.ArxivId == "1706.03741");
        Assert.Equal(["Paul Christiano", "Jan Leike", "Tom B. Brown", "Miljan Martic", "Shane Legg", "Dario Amodei"], Authors(christiano));
        Assert.Equal((2017, "https://github.com/mrahtz/learning-from-human-preferences"), (christiano.Year, Assert.Single(christiano.Codebases).Codebase!.Url));
        var position = await PaperWhereAsync(database, p => p.ArxivId == "2511.19504");
        Assert.Equal((2025, 4), (position.Year, position.Authors.Count));
        // Line 391: "Yihao Feng*, Shentao Yang*, …": the equal-contribution marks go, the names stay.
        var rewards = await PaperWhereAsync(database, p => p.ArxivId == "2302.10342");
        Assert.Equal(["Yihao Feng", "Shentao Yang", "Shujian Zhang", "Jianguo Zhang", "Caiming Xiong", "Mingyuan Zhou", "Huan Wang"], Authors(rewards));
        // Line 817: "[Reinforcement Learning from Human Feedback by Nathan Lambert](https://rlhfbook.com/)": the "by" is the book's byline.
        var book = await PaperWhereAsync(database, p => p.Url == "https://rlhfbook.com/");
        Assert.Equal((PaperKind.Book, "Reinforcement Learning from Human Feedback"), (book.Kind, book.Title));
        Assert.Equal(["Nathan Lambert"], Authors(book));
        Assert.Equal(PaperKind.BlogPost, (await PaperAsync(database, "ChatGPT: Optimizing Language Models for Dialogue")).Kind);
    }

    [Fact]
    public async Task JordimasWithLevelOneSectionsImportsItsPapersCoursesCodeAndDataAndReportsTheRest()
    {
        // 27 list items by hand: Papers 7 (under "*2020*"-style italic years), Courses 4 (line 25 is a YouTube video: a talk), Code 9 (7 bare
        // GitHub URLs), Datasets 2 (bare URLs); of the other 5, ChatGPT (openai.com/blog/…) and Google Bard (blog.google) are blog posts by
        // their links, and so is InstructGPT's page (openai.com/research/…, OpenAI's announcement of it); Wikipedia's PPO page and
        // Anthropic's homepage are no work and are reported.
        var (database, report) = await ImportAloneAsync(Jordimas);
        await using var _ = database;

        var source = Assert.Single(report.Sources);
        Assert.Equal((27, 25, 0, 2), (source.Seen, source.Imported, source.Merged, source.Skipped));
        Assert.Equal(["13", "17"], report.SkippedItems.Select(s => s.Split(':')[1]));
        Assert.Equal(new Dictionary<PaperKind, int> { [PaperKind.Paper] = 7, [PaperKind.Course] = 3, [PaperKind.Talk] = 1, [PaperKind.BlogPost] = 3 }, await KindsAsync(database));
        Assert.Equal("https://openai.com/research/instruction-following", (await PaperAsync(database, "InstructGPT")).Url);
        Assert.Equal((9, 2), (report.Codebases, report.Datasets));
        var first = await PaperWhereAsync(database, p => p.ArxivId == "1909.08593");
        // Listed under "*2020*": the list's year heading is the publication year, over the arXiv id's 2019.
        Assert.Equal(("Fine-Tuning Language Models from Human Preferences", 2020), (first.Title, first.Year));
        Assert.Equal("2204.05862", (await PaperAsync(database, "Training a Helpful and Harmless Assistant with Reinforcement Learning from Human Feedback")).ArxivId);
        Assert.Equal(PaperKind.Course, (await PaperAsync(database, "Hugging Face Deep Reinforcement Learning Course")).Kind);
        await using var db = database.CreateContext();
        var code = await db.Codebases.SingleAsync(c => c.Url == "https://github.com/openai/lm-human-preferences");
        Assert.Equal("The first code released to perform RLHF on LMs from OpenAI", code.Description);
        Assert.Equal("https://huggingface.co/datasets/Anthropic/hh-rlhf", (await db.Datasets.SingleAsync(d => d.Name == "hh-rlhf")).Url);
    }

    [Theory]
    [InlineData(OpenDilab, 171, 1, 2)]
    [InlineData(Louieworth, 106, 0, 1)]
    [InlineData(Jordimas, 27, 2, 0)]
    public async Task WithTheFiveSeedsEveryItemIsImportedOrMergedOrReportedAndTheListsTyposStayConflicts(string file, int seen, int skipped, int conflicts)
    {
        var (database, report) = await ImportWithSeedsAsync(file);
        await using var _ = database;

        Assert.All(report.Sources, s => Assert.Equal(s.Seen, s.Imported + s.Merged + s.Skipped));
        var shared = Assert.Single(report.Sources, s => s.Source == "shared");
        Assert.Equal((seen, skipped), (shared.Seen, shared.Skipped));
        Assert.Equal(conflicts, report.Conflicts.Count(c => c.Contains(file, StringComparison.Ordinal)));
        Assert.DoesNotContain(report.Conflicts, c => !c.Contains(file, StringComparison.Ordinal));
        // A short name sharing an arXiv id is an alias, never a second paper: no two papers share a folded title.
        await using var db = database.CreateContext();
        Assert.Empty(await db.Papers.GroupBy(p => p.TitleKey).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync());
    }

    [Fact]
    public async Task OpenRlhfUnderItsOldOwnerAndItsOwnOrganisationIsOneCodebaseAtItsOwnOrganisation()
    {
        // 000:212 and 002:167 link github.com/OpenLLMAI/OpenRLHF and 003 names it without a link; opendilab's newest list links
        // github.com/OpenRLHF/OpenRLHF (line 683, and the code of the papers at 100 and 152), where the project moved. One
        // repository: one codebase, at its new home.
        var (database, _) = await ImportWithSeedsAsync(OpenDilab);
        await using var _ = database;
        await using var db = database.CreateContext();
        var codebase = Assert.Single(await db.Codebases.Where(c => c.Repository == "OpenRLHF").Include(c => c.Mentions).ThenInclude(m => m.Source).ToListAsync());
        Assert.Equal(("OpenRLHF", "https://github.com/OpenRLHF/OpenRLHF", "OpenRLHF"), (codebase.Name, codebase.Url, codebase.Owner));
        Assert.Equal(["awesome-offline-rl-louieworth:167", "awesome-rlhf-louieworth-2024:212", "awesome-rlhf-opendilab-2025:1", "shared:100", "shared:152", "shared:683"],
            codebase.Mentions.Select(m => $"{m.Source!.Name}:{m.Line}").Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task TheBookByNathanLambertIsOneBookWhetherItsListWritesTheBylineInItsTitleOrAfterIt()
    {
        // 003 (flattened): "Books - Reinforcement Learning from Human Feedback by Nathan Lambert"; opendilab's newest list, line 817:
        // "- [Reinforcement Learning from Human Feedback by Nathan Lambert](https://rlhfbook.com/)". Both are the one book at rlhfbook.com.
        var (database, _) = await ImportWithSeedsAsync(OpenDilab);
        await using var _d = database;

        var book = await PaperWhereAsync(database, p => p.Kind == PaperKind.Book && p.Title.StartsWith("Reinforcement Learning from Human Feedback"));
        Assert.Equal(("Reinforcement Learning from Human Feedback", "https://rlhfbook.com/"), (book.Title, book.Url));
        Assert.Equal(["Nathan Lambert"], Authors(book));
        await using var db = database.CreateContext();
        Assert.Equal(["awesome-rlhf-opendilab-2025", "shared"],
            await db.Mentions.Where(m => m.PaperId == book.Id).Select(m => m.Source!.Name).OrderBy(n => n).ToListAsync());
    }

    public static TheoryData<string> Lists => [OpenDilab, Louieworth, Jordimas];

    private static (int Line, string Expected)[] SampleOf(string file) => file switch
    {
        OpenDilab => SharedListSamples.OpenDilabSample,
        Louieworth => SharedListSamples.LouieworthSample,
        _ => SharedListSamples.JordimasSample,
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ImportedAloneEverySampledItemHasTheKindTitleVenueAndYearItsOwnEvidenceGives(string file)
    {
        var (database, _) = await ImportAloneAsync(file);
        await using var _d = database;

        var sample = SampleOf(file);
        Assert.True(sample.Select(s => s.Line).Distinct().Count() >= Math.Min(30, sample.Length));
        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, Path.GetFileNameWithoutExtension(file)), sample);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task WithTheFiveSeedsEverySampledItemKeepsItsKind(string file)
    {
        var (database, _) = await ImportWithSeedsAsync(file);
        await using var _d = database;

        // Titles, venues and years may come from a seed that lists the same work better; what the item is does not change.
        static string KindOf(string row) => row.StartsWith("Paper", StringComparison.Ordinal) ? string.Join(" · ", row.Split(" · ")[..2]) : row.Split(" · ")[0];
        var actual = (await ItemsByLine.ReadAsync(database, "shared")).ToDictionary(p => p.Key, p => p.Value.Select(KindOf).ToList());
        ItemsByLine.AssertEach(actual, SampleOf(file).Select(s => (s.Line, KindOf(s.Expected))));
    }
}
