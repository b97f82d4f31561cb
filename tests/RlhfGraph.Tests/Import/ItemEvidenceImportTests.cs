using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Tests.Import.Formats;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// What an item is comes from the item itself (Fixtures/kinds.md, written by hand with one item of every shape issue 19 found in
/// real lists): its links, labels and fields decide its kind, title, venue and year; the heading it stands under only breaks ties.
/// </summary>
public sealed class ItemEvidenceImportTests
{
    private static async Task<(TestDatabase Database, RlhfGraph.Persistence.Import.ImportReport Report)> ImportAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return (database, await database.CreateImporter().ImportAsync(AwesomeListImportTests.FolderWith(AwesomeMarkdownParserTests.FixturePath("kinds.md"))));
    }

    [Fact]
    public async Task EachItemIsWhatItsOwnEvidenceSaysWhateverHeadingItStandsUnder()
    {
        var (database, _) = await ImportAsync();
        await using var _d = database;

        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, "kinds"),
        [
            // "Title `2024` [[ICLR](openreview)]": a link labelled with a venue names the venue, the code span the year.
            (5, "Paper · Paper · Omicron Reward Shaping for Dialogue · ICLR · 2024"),
            // "[Title](arxiv) (NeurIPS 2023)": the parenthesis is the venue and year, not a short name.
            (6, "Paper · Paper · Pi Preference Transformers · NeurIPS · 2023"),
            // A venue line under the item ("CVPR 2024") beats the arXiv submission year (2312.…).
            (7, "Paper · Paper · Rho Reward Ensembles · CVPR · 2024"),
            // Under an italic "*Code*" label a paper's arXiv PDF is still a paper; its [code] link is its codebase.
            (13, "Paper · Paper · Sigma Verifier Rewards · arXiv · 2024"),
            (13, "Codebase · sigma-verifier · https://github.com/sigma-lab/sigma-verifier"),
            // "Data Selection" is a topic of papers, not a dataset named "Tau".
            (17, "Paper · Paper · Tau: Reward-Ranked Data Selection for Alignment · arXiv · 2023"),
            // Under "Text to Video", CVF and NeurIPS proceedings links are papers, with the venue and year the link names.
            (21, "Paper · Paper · Upsilon Video Preference Tuning · CVPR · 2024"),
            (22, "Paper · Paper · Phi Motion Rewards · NeurIPS · 2023"),
            // "### 2024" over a 2023 preprint: the year heading is the publication year.
            (28, "Paper · Paper · Chi Calibrated Critics · arXiv · 2024"),
            // Under "Papers", a video is a talk and a Substack post a blog post (of the heading's year).
            (29, "Paper · Talk · Psi Preference Talk · - · 2024"),
            (30, "Paper · BlogPost · Omega Notes on Reward Hacking · - · 2024"),
            (36, "Dataset · Alpha Preference Pairs"),
            (37, "Dataset · Beta Feedback Corpus"),
            // A codebase is named by its repository, not by link text that describes it; a bare ".../index" page by the segment before it.
            (41, "Codebase · gamma-dev/awesome-gamma · https://github.com/gamma-dev/awesome-gamma"),
            (42, "Codebase · delta · https://huggingface.co/docs/delta/index"),
            (47, "Paper · Book · Zeta Reward Modeling, the book · - · -"),
            (48, "Paper · Course · Eta Course on Preference Learning · - · -"),
            (49, "Paper · Paper · Learning Theta from Human Comparisons · arXiv · 2020"),
            (49, "Codebase · theta-cmp · https://github.com/theta-lab/theta-cmp"),
            (51, "Paper · Paper · Learning Theta from Human Comparisons · arXiv · 2020"),
            (52, "Paper · Paper · Iota Rewards: A Study of Preference Noise · arXiv · 2024"),
            (54, "Paper · Paper · Lambda Preference Pairs · - · -"),
            (54, "Codebase · beta-feedback · https://github.com/beta-org/beta-feedback"),
            (54, "Dataset · Beta Feedback Corpus"),
            // Table rows: the title is the linked work's name; "MuGPT" is the short name of line 69's paper, whose title wins.
            (63, "Paper · Paper · Nu Mu Gamma: Learning to Follow Instructions from Preferences · arXiv · 2022"),
            (64, "Paper · Paper · Learning Theta from Human Comparisons · arXiv · 2020"),
            (69, "Paper · Paper · Nu Mu Gamma: Learning to Follow Instructions from Preferences · arXiv · 2022"),
            // A post's date in its address is its year; "cvpr2023" in a path is not a date.
            (73, "Paper · BlogPost · Mu Notes on Reward Overoptimization · - · 2022"),
            (74, "Paper · BlogPost · Xi Field Notes on Preference Data · - · -"),
            // Code on a project site rather than in a repository: named by the site, not by its address.
            (78, "Paper · Paper · Kappa Sketch Rewards for Robot Arms · arXiv · 2024"),
            (78, "Codebase · kappa-sketch · https://kappa-sketch.github.io/"),
        ]);
        await using var db = database.CreateContext();
        Assert.False(await db.Datasets.AnyAsync(d => d.Name == "Tau"));
        Assert.False(await db.Papers.AnyAsync(p => p.Kind == RlhfGraph.Persistence.Entities.PaperKind.Talk && p.Title.StartsWith("Upsilon")));
    }

    [Fact]
    public async Task DescriptiveBulletsImageLinksAndRowsWithOnlyARelativeLinkAreReportedNotImported()
    {
        var (database, report) = await ImportAsync();
        await using var _d = database;

        var skipped = report.SkippedItems.Where(s => s.StartsWith("kinds.md:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["34", "35", "43", "65"], skipped.Select(s => s.Split(':')[1]));
        Assert.Contains("no link and descriptive text only", skipped[0], StringComparison.Ordinal);
        Assert.Contains("\"Look at compilations like\"", skipped[1], StringComparison.Ordinal);
        Assert.Contains("its only link is an image", skipped[2], StringComparison.Ordinal);
        var source = Assert.Single(report.Sources);
        Assert.Equal(source.Seen, source.Imported + source.Merged + source.Skipped);
        await using var db = database.CreateContext();
        Assert.False(await db.Papers.AnyAsync(p => p.Title.Contains("quality") || p.Title.StartsWith("Look at") || p.Title == "Overview slides"));
        Assert.False(await db.Datasets.AnyAsync(d => d.Name.Contains("quality") || d.Name.StartsWith("Look at")));
    }

    [Fact]
    public async Task AShortNameSharingAnArxivIdIsAnAliasWhileTwoFullTitlesStayAConflict()
    {
        var (database, report) = await ImportAsync();
        await using var _d = database;

        // Lines 52 and 53: two full titles under one arXiv id, a list's typo.
        Assert.Equal(["kinds.md:52 and kinds.md:53 share the arXiv id 2402.10007"], report.Conflicts.Select(c => c[..c.IndexOf(" but", StringComparison.Ordinal)]));
        await using var db = database.CreateContext();
        // Line 51 "[THETA](…2009.10006)" and line 64's row are line 49's paper, not two more.
        var theta = await db.Papers.Include(p => p.Mentions).SingleAsync(p => p.ArxivId == "2009.10006");
        Assert.Equal(("Learning Theta from Human Comparisons", "THETA"), (theta.Title, theta.Alias));
        Assert.Equal([49, 51, 64], theta.Mentions.Select(m => m.Line).Order());
        var mu = await db.Papers.SingleAsync(p => p.ArxivId == "2203.10008");
        Assert.Equal(("Nu Mu Gamma: Learning to Follow Instructions from Preferences", "MuGPT"), (mu.Title, mu.Alias));
    }

    [Fact]
    public async Task ATableRowNeverStoresARelativeLinkAndKeepsItsOtherColumnsAsKeywords()
    {
        var (database, _) = await ImportAsync();
        await using var _d = database;

        await using var db = database.CreateContext();
        Assert.False(await db.Papers.AnyAsync(p => p.Url != null && !p.Url.StartsWith("http")));
        Assert.False(await db.Codebases.AnyAsync(c => c.Url != null && !c.Url.StartsWith("http")));
        Assert.Equal("https://arxiv.org/abs/2203.10008", (await db.Papers.SingleAsync(p => p.ArxivId == "2203.10008")).Url);
        var keywords = await db.Papers.Where(p => p.ArxivId == "2203.10008").SelectMany(p => p.Keywords.Select(k => k.Keyword!.Name)).ToListAsync();
        Assert.Contains("Fine-tuning", keywords);
        Assert.Contains("Instruction following", keywords);
    }

    [Fact]
    public async Task OneRepositoryAddressIsOneEntityAndTheCodebaseHoldsTheDataset()
    {
        var (database, _) = await ImportAsync();
        await using var _d = database;

        await using var db = database.CreateContext();
        var codebase = await db.Codebases.Include(c => c.Datasets).ThenInclude(d => d.Dataset).SingleAsync(c => c.Url == "https://github.com/beta-org/beta-feedback");
        Assert.Equal(["Beta Feedback Corpus"], codebase.Datasets.Select(d => d.Dataset!.Name));
        Assert.False(await db.Datasets.AnyAsync(d => d.Url == "https://github.com/beta-org/beta-feedback"));
    }

    [Fact]
    public async Task EveryPapersVenueAndYearSayWhichMentionGaveThemAndByWhatEvidence()
    {
        var (database, _) = await ImportAsync();
        await using var _d = database;

        await using var db = database.CreateContext();
        var sources = await db.Papers.ToDictionaryAsync(p => p.Title, p => (p.VenueSource, p.YearSource));
        Assert.Equal(("kinds.md:7: the item's own text", "kinds.md:7: the item's own text"), sources["Rho Reward Ensembles"]);
        Assert.Equal(("kinds.md:21: proceedings link", "kinds.md:21: proceedings link"), sources["Upsilon Video Preference Tuning"]);
        Assert.Equal(("kinds.md:28: arXiv id", "kinds.md:28: year heading \"Papers / 2024\""), sources["Chi Calibrated Critics"]);
        Assert.Equal(((string?)null, "kinds.md:73: dated address"), sources["Mu Notes on Reward Overoptimization"]);
        Assert.Equal(("kinds.md:17: arXiv id", "kinds.md:17: arXiv id"), sources["Tau: Reward-Ranked Data Selection for Alignment"]);
        // Line 63's table row gives the year (2022), line 69's link the arXiv id.
        Assert.Equal("kinds.md:63: the item's own text", sources["Nu Mu Gamma: Learning to Follow Instructions from Preferences"].YearSource);
        Assert.All(await db.Papers.Where(p => p.Year != null || p.Venue != null).ToListAsync(),
            p => Assert.True((p.Year is null || p.YearSource is not null) && (p.Venue is null || p.VenueSource is not null), p.Title));
    }

    [Fact]
    public async Task ALinkPastedUnderAnotherTitleIsTheWorkItNamesAndGivesTheOtherNeitherAddressNorVenue()
    {
        await using var database = await TestDatabase.CreateAsync();
        var report = await database.CreateImporter().ImportAsync(AwesomeListImportTests.FolderWith(AwesomeMarkdownParserTests.FixturePath("copied-links.md")));

        // The CVF page's address spells out line 10's title: line 8's paper takes its address, venue and year from line 12's
        // arXiv link instead, and line 19's paper, which has nothing else, keeps none (its year heading gives the year).
        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, "copied-links"),
        [
            (8, "Paper · Paper · Upsilon Dense Credit for Free in Preference Learning · arXiv · 2024"),
            (10, "Paper · Paper · Omega: Towards Trustworthy Vision Models via Corrective Feedback · CVPR · 2024"),
            (12, "Paper · Paper · Upsilon Dense Credit for Free in Preference Learning · arXiv · 2024"),
            (17, "Paper · Paper · Phi: Learning Rewards from Sketches · ICCV · 2023"),
            (19, "Paper · Paper · Chi Calibrated Critics for Video · - · 2023"),
            (28, "Paper · Paper · Sigma Scaling Supervision Beyond Humans · arXiv · 2023"),
            (30, "Paper · Paper · Tau Bayesian Elicitation with Language Models · arXiv · 2024"),
        ]);
        await using var db = database.CreateContext();
        var urls = await db.Papers.ToDictionaryAsync(p => p.Title, p => p.Url);
        Assert.Equal("https://arxiv.org/pdf/2402.20001", urls["Upsilon Dense Credit for Free in Preference Learning"]);
        Assert.Equal("https://openaccess.thecvf.com/content/CVPR2024/html/Ong_Omega_Towards_Trustworthy_Vision_Models_via_Corrective_Feedback_CVPR_2024_paper.html",
            urls["Omega: Towards Trustworthy Vision Models via Corrective Feedback"]);
        Assert.Null(urls["Chi Calibrated Critics for Video"]);
        // One arXiv id under two titles: the item that cites itself as a 2023 preprint cannot be 2403.…, so the id is the other's.
        var ids = await db.Papers.ToDictionaryAsync(p => p.Title, p => p.ArxivId);
        Assert.Equal(((string?)null, "2403.30001"), (ids["Sigma Scaling Supervision Beyond Humans"], ids["Tau Bayesian Elicitation with Language Models"]));
        Assert.Null(urls["Sigma Scaling Supervision Beyond Humans"]);
        // An address of ids names no title: both items keep it, and the conflict says no more than that. (Shared arXiv ids are
        // compared before shared links, so their conflicts come first.)
        Assert.Equal("https://openreview.net/forum?id=PsiRho2023", urls["Psi Preference Games for Dialogue Agents"]);
        Assert.Equal("https://openreview.net/forum?id=PsiRho2023", urls["Rho Robust Reward Models under Label Noise"]);
        Assert.Equal(
            [
                "copied-links.md:28 and copied-links.md:30: copied-links.md:28 dates itself as an arXiv preprint before the id's year, so the id is copied-links.md:30's",
                "copied-links.md:8 and copied-links.md:10: the address names the work of copied-links.md:10, so copied-links.md:8 keeps neither it nor the venue and year it names",
                "copied-links.md:17 and copied-links.md:19: the address names the work of copied-links.md:17, so copied-links.md:19 keeps neither it nor the venue and year it names",
                "copied-links.md:21 and copied-links.md:23: kept apart",
            ],
            report.Conflicts.Select(c => $"{c[..c.IndexOf(" share", StringComparison.Ordinal)]}: {c[(c.LastIndexOf("): ", StringComparison.Ordinal) + 3)..].Replace("kept apart; ", "", StringComparison.Ordinal)}"));
    }

    [Fact]
    public async Task AWorkCitedInAnyOfTheUsualWaysKeepsItsTitleApartFromItsVenueYearAndPeople()
    {
        await using var database = await TestDatabase.CreateAsync();
        var report = await database.CreateImporter().ImportAsync(AwesomeListImportTests.FolderWith(AwesomeMarkdownParserTests.FixturePath("citations.md")));

        var source = Assert.Single(report.Sources);
        Assert.Equal((35, 35, 0), (source.Seen, source.Imported, source.Skipped));
        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, "citations"),
        [
            (7, "Paper · Paper · Alpha Reward Models for Long Context · arXiv · 2024"),
            (7, "Codebase · alpha-rm · https://github.com/alpha-lab/alpha-rm"),
            // A bold venue tag before the title.
            (8, "Paper · Paper · Beta Preference Optimization Revisited · NeurIPS · 2023"),
            // "Title. People. Venue Year." in plain text: the venue the item names beats its arXiv link.
            (9, "Paper · Paper · Gamma Feedback Loops · ICML · 2024"),
            (10, "Paper · Paper · Delta: Human Preferences at Scale · ICLR · 2024"),
            (11, "Paper · Paper · Epsilon Safe RLHF · arXiv · 2023"),
            // A table whose "Title" column is plain text and whose "Paper" column holds the link; "NeurIPS'23" is NeurIPS.
            (17, "Paper · Paper · Zeta Reward Shaping for Agents · ICML · 2024"),
            (17, "Codebase · zeta · https://github.com/zeta/zeta"),
            (18, "Paper · Paper · Eta Direct Alignment · NeurIPS · 2023"),
            // "Title, ACL 2020, [paper](…)" inside a <details> block.
            (23, "Paper · Paper · Theta Learning to Rank Summaries · ACL · 2020"),
            (29, "Dataset · Iota-Prefs"),
            (30, "Paper · Paper · Kappa Comparisons · arXiv · 2023"),
            (30, "Dataset · Kappa Comparisons"),
            (34, "Paper · BlogPost · Lambda's guide to RLHF · - · 2023"),
            // Two sentences with no people, venue or year after the break are one title; capitalised words after a dash
            // with no date beside them are a description, not people.
            (38, "Paper · Paper · Scaling Laws. Reward Models in Practice · arXiv · 2024"),
            (39, "Codebase · Mu Trainer · https://github.com/mu-lab/mu-trainer"),
            // A stars badge before the title names nothing; its link is the paper's code.
            (43, "Paper · Paper · Alpha Offline Preference Learning · arXiv · 2024"),
            (43, "Codebase · alpha-rl · https://github.com/alpha/alpha-rl"),
            // A venue badge after the title ("img.shields.io/badge/ICLR-2024-blue").
            (44, "Paper · Paper · Beta Reward Calibration · ICLR · 2024"),
            (45, "Paper · Paper · Gamma Critics for Language Agents · arXiv · 2023"),
            (46, "Paper · Paper · Delta Policy Gradients for Dialogue · arXiv · 2023"),
            (47, "Paper · Paper · Epsilon Preference Trees · NeurIPS · 2023"),
            (48, "Paper · Paper · Zeta Self-Rewarding Agents · ICML · 2024"),
            // A plain title over "Paper: [arXiv](…)" and "Code: [GitHub](…)" lines is the item, and those are its links.
            (49, "Paper · Paper · Eta Rank Distillation · arXiv · 2023"),
            (49, "Codebase · rank-distill · https://github.com/eta/rank-distill"),
            (52, "Paper · Paper · Theta Token-level Rewards · arXiv · 2024"),
            (53, "Paper · Paper · Iota Reward Models · ICML · 2023"),
            (54, "Paper · Paper · Kappa Safe Exploration · AAAI · 2024"),
            (58, "Codebase · trl · https://github.com/huggingface/trl"),
            (59, "Codebase · OmegaRL · https://github.com/omega/omegarl"),
            // A pictograph before the entry marks its kind; it is no title.
            (60, "Codebase · PsiKit · https://github.com/psi/psikit"),
            (66, "Dataset · Rho Preferences"),
            (67, "Dataset · Sigma Pairs"),
            (69, "Dataset · Tau HH"),
            (73, "Paper · Paper · Upsilon Verifiable Rewards · arXiv · 2024"),
            (73, "Codebase · vr · https://github.com/upsilon/vr"),
            (74, "Paper · Paper · Phi Reward Overoptimization Laws · arXiv · 2024"),
            (74, "Codebase · laws · https://github.com/phi/laws"),
            // "Title, *A and B*, NeurIPS 2023": the people in italics end the title.
            (75, "Paper · Paper · Chi Preference Models · NeurIPS · 2023"),
            (76, "Paper · Paper · Psi Human Feedback at Scale · ICLR · 2024"),
            (77, "Paper · Paper · Omega Critique Models · ACL · 2024"),
            // A date tag before a linked title is its year, neither its title nor a blog's publisher.
            (78, "Paper · BlogPost · Lambda Notes on Judges · - · 2023"),
        ]);
        await using var db = database.CreateContext();
        var papers = await db.Papers.Include(p => p.Authors).ThenInclude(a => a.Author).ToDictionaryAsync(p => p.Title);
        string[] People(string title) => papers[title].Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name).ToArray();
        Assert.Equal(["Gina Gale", "Gus Grant"], People("Gamma Feedback Loops"));
        Assert.Equal(["Dan Dee", "Dora Diaz"], People("Delta: Human Preferences at Scale"));
        Assert.Equal(["Lara Lam"], People("Lambda's guide to RLHF"));
        Assert.Empty(People("Scaling Laws. Reward Models in Practice"));
        Assert.Equal(["Dana Dale"], People("Delta Policy Gradients for Dialogue"));
        Assert.True(papers["Delta Policy Gradients for Dialogue"].AuthorsTruncated);
        Assert.Equal(["Eli Eng", "Eva Ent"], People("Epsilon Preference Trees"));
        Assert.Equal(["Zoe Zane"], People("Zeta Self-Rewarding Agents"));
        Assert.Equal("https://arxiv.org/abs/2312.10707", papers["Eta Rank Distillation"].Url);
        Assert.Equal(["Chloe Chan", "Chris Cole"], People("Chi Preference Models"));
        Assert.Equal("toolkit for reward modelling", (await db.Codebases.SingleAsync(c => c.Name == "PsiKit")).Description);
        Assert.Equal("https://arxiv.org/abs/2404.00505", papers["Zeta Reward Shaping for Agents"].Url);
        Assert.Equal("https://arxiv.org/abs/2305.00606", papers["Eta Direct Alignment"].Url);
        Assert.Equal("https://huggingface.co/datasets/kappa/comparisons", (await db.Datasets.SingleAsync(d => d.Name == "Kappa Comparisons")).Url);
        var trainer = await db.Codebases.Include(c => c.Authors).SingleAsync(c => c.Name == "Mu Trainer");
        Assert.Equal(("PPO, DPO, KTO", 0), (trainer.Description, trainer.Authors.Count));
    }

    [Fact]
    public async Task CreditsNamesAndPagesSayWhoMadeAWorkAndWhereItLives()
    {
        var (database, _) = await ImportAsync();
        await using var _d = database;

        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, "kinds"),
        [
            // A codebase's link text that carries its description in parentheses is named without it.
            (83, "Codebase · Nu Trainer · https://github.com/nu-lab/nu-trainer"),
            (88, "Paper · BlogPost · Notes on Preference Collapse · - · -"),
            // "[Hugging Face]" on huggingface.co is the publisher, not a person who owns the site.
            (89, "Paper · BlogPost · Pi Reward Recipes · Hugging Face · -"),
            // A lab's announcement page is a blog post wherever it stands.
            (93, "Paper · BlogPost · Rho Assistants · - · -"),
            (97, "Dataset · Sigma Sentiment"),
        ]);
        await using var db = database.CreateContext();
        var trainer = await db.Codebases.Include(c => c.Authors).ThenInclude(a => a.Author).SingleAsync(c => c.Name == "Nu Trainer");
        Assert.Equal("A modular library to train reward models at scale", trainer.Description);
        // "Nu Lab Team & ACME: Nina North, Ned Noble": the team, then its people.
        Assert.Equal(["Nu Lab Team & ACME", "Nina North", "Ned Noble"], trainer.Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name));
        Assert.Equal(AuthorKind.Organization, trainer.Authors.Single(a => a.Position == 0).Author!.Kind);
        // "[Omicron Olsen] [Notes …](https://omicronolsen.github.io/…)": the tag names the site's owner, who wrote the post.
        var notes = await db.Papers.Include(p => p.Authors).ThenInclude(a => a.Author).SingleAsync(p => p.Title == "Notes on Preference Collapse");
        Assert.Equal(["Omicron Olsen"], notes.Authors.Select(a => a.Author!.Name));
        Assert.Empty((await db.Papers.Include(p => p.Authors).SingleAsync(p => p.Title == "Pi Reward Recipes")).Authors);
        // The dataset's own page beats the other link given for it first.
        Assert.Equal("https://huggingface.co/datasets/sigma/sentiment", (await db.Datasets.SingleAsync(d => d.Name == "Sigma Sentiment")).Url);
    }

    [Fact]
    public async Task AWorkWrittenAsAHeadingOverItsFieldsIsOneItemAndAHeadingOverItemsStaysASection()
    {
        await using var database = await TestDatabase.CreateAsync();
        var report = await database.CreateImporter().ImportAsync(AwesomeListImportTests.FolderWith(AwesomeMarkdownParserTests.FixturePath("headed.md")));

        var source = Assert.Single(report.Sources);
        Assert.Equal((5, 5, 0), (source.Seen, source.Imported, source.Skipped));
        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, "headed"),
        [
            // "### Title" over "- **Authors**: …", "- **Venue**: …", "- **Links**: [arXiv](…) | [Code](…)".
            (7, "Paper · Paper · Alpha Scalable Oversight with Debate · NeurIPS · 2024"),
            (7, "Codebase · debate · https://github.com/alpha/debate"),
            // The same fields as one paragraph broken into lines.
            (12, "Paper · Paper · Beta Reward Model Distillation · ICML · 2024"),
            (12, "Codebase · distill · https://github.com/beta/distill"),
            (21, "Paper · Paper · Delta Reward Shaping · arXiv · 2024"),
            // A venue that is no known one is kept as written, less its year.
            (23, "Paper · Paper · Epsilon Alignment in the Wild · Nature Machine Intelligence · 2024"),
            // No link: its people and its year are what make it a work (a citation without a venue).
            (28, "Paper · Paper · Zeta Preference Elicitation in Practice · - · 2023"),
        ]);
        await using var db = database.CreateContext();
        var papers = await db.Papers.Include(p => p.Authors).ThenInclude(a => a.Author).ToDictionaryAsync(p => p.Title);
        Assert.Equal(["Ann Ames", "Bob Baird"], papers["Alpha Scalable Oversight with Debate"].Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name));
        Assert.Equal(["Cara Cole", "Dan Dorn"], papers["Beta Reward Model Distillation"].Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name));
        Assert.Equal("https://arxiv.org/abs/2406.30101", papers["Alpha Scalable Oversight with Debate"].Url);
        // The heading over a paragraph of prose and an item is a section the item stands in.
        Assert.Equal("Awesome Preference Papers / 2024 / Gamma Reward Hacking Notes", (await db.Mentions.SingleAsync(m => m.Line == 21)).Section);
        // A work's heading ends the section at its level, as any heading does.
        Assert.Equal("Awesome Preference Papers / 2024", (await db.Mentions.SingleAsync(m => m.Line == 23)).Section);
    }
}
