using System.Linq.Expressions;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Authors;
using RlhfGraph.Schema.Codebases;
using RlhfGraph.Schema.Datasets;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Sorting;
using RlhfGraph.Schema.Sources;

namespace RlhfGraph.Schema.Papers;

internal sealed class PaperType : ObjectGraphType<Paper>, IEntityGraphType
{
    /// <summary>What clients may read, filter and sort on a paper: one line per member.</summary>
    public static readonly EntityModel<Paper> Members = new EntityModel<Paper>("Paper", p => p.Id)
        .String("title", p => p.Title, "Title as the fullest list gives it. Filters and sorting ignore case.", required: true)
        .String("url", p => p.Url, "Link to the paper (an arXiv abstract page when there is one); null when no list links it.")
        .String("arxivId", p => p.ArxivId, "arXiv identifier without version, e.g. \"2305.18290\"; null when not on arXiv.")
        .Int("year", p => p.Year, "Publication year: what an item says, else its proceedings link, else a date in its address, else its list's year heading, else its arXiv id (yearSource says which).")
        .String("venue", p => p.Venue, "Where it appeared: a conference (\"NeurIPS\"), \"arXiv\", or a blog's publisher.")
        .String("venueSource", p => p.VenueSource, "Where the venue came from: the list line that gave it and its evidence, e.g. \"list.md:251: proceedings link\".", Capabilities.None)
        .String("yearSource", p => p.YearSource, "Where the year came from: the list line that gave it and its evidence (the item's own text, a proceedings link, a dated address, a year heading, or the arXiv id).", Capabilities.None)
        .Enum<PaperKind, PaperKindType>("kind", p => p.Kind, "Paper, survey, technical report, blog post, talk, book or other.")
        .String("alias", p => p.Alias, "Short name the lists use, e.g. \"InstructGPT\" or \"Sparrow\".")
        .Int("citationCount", p => p.CitationCount, "Citations as recorded by the \"Awesome llm training\" list; null when unknown.")
        .Boolean("hasOfficialCode", p => p.HasOfficialCode, "A list names official code, even without a link (\"Code: official\").")
        .Int("mentionCount", p => p.MentionCount, "How many of the lists mention this paper (1 to 5): sort by it to rank by consensus.")
        .Strings("keywords", p => p.Keywords.Select(k => k.Keyword!.Name), "The paper's keywords, environments and tasks.")
        .Many<Author, AuthorType>("authors", p => p.Authors.Select(a => a.Author!), "The paper's authors.")
        .Many<Codebase, CodebaseType>("codebases", p => p.Codebases.Select(c => c.Codebase!), "Code linked to the paper.")
        .Many<Dataset, DatasetType>("datasets", p => p.Datasets.Select(d => d.Dataset!), "Datasets the paper uses or introduces.")
        .Many<Mention, MentionType>("mentions", p => p.Mentions, "Where the lists mention the paper.")
        .Many<Source, SourceType>("sources", p => p.Mentions.Select(m => m.Source!), "The lists that mention the paper.");

    public static IEntityModel Model => Members;

    /// <summary>Root list of papers.</summary>
    public static readonly Connection<Paper, Paper> All = new(Members, p => p, p => p.Id);

    /// <summary>An author's papers, newest first unless ordered otherwise.</summary>
    public static readonly Connection<PaperAuthor, Paper> OfAuthor = new(Members, l => l.Paper!, l => l.PaperId,
        new SortKey("year", (Expression<Func<PaperAuthor, int?>>)(l => l.Paper!.Year), Descending: true));

    public static readonly Connection<PaperCodebase, Paper> OfCodebase = new(Members, l => l.Paper!, l => l.PaperId,
        new SortKey("year", (Expression<Func<PaperCodebase, int?>>)(l => l.Paper!.Year), Descending: true));

    public static readonly Connection<PaperDataset, Paper> OfDataset = new(Members, l => l.Paper!, l => l.PaperId,
        new SortKey("year", (Expression<Func<PaperDataset, int?>>)(l => l.Paper!.Year), Descending: true));

    public static readonly Connection<PaperKeyword, Paper> OfKeyword = new(Members, l => l.Paper!, l => l.PaperId,
        new SortKey("year", (Expression<Func<PaperKeyword, int?>>)(l => l.Paper!.Year), Descending: true));

    public PaperType()
    {
        this.ImplementNode(Members, "A paper, survey, report, blog post, talk or book, merged across every list that mentions it.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keywords")
            .Description("Keywords, environments and tasks the lists attach to this paper, alphabetically.")
            .ResolveValues(Keywords.KeywordType.OfPaper, p => p.Keywords, Keywords.KeywordType.NameColumn, p => p.Id);

        this.ConnectionField<Paper, AuthorType>("authors", "The authors in byline order (unless `order` is given). A byline that ends in \"et al.\" lists only the authors named.")
            .ResolvePages(AuthorType.OfPaper, p => p.Id, p => p.Authors);

        this.ConnectionField<Paper, CodebaseType, PaperCodebasesEdgeType>("codebases", "Code linked to this paper; each edge says whether the list called it official.")
            .ResolvePages(CodebaseType.OfPaper, p => p.Id, p => p.Codebases);

        this.ConnectionField<Paper, DatasetType>("datasets", "Datasets this paper uses or introduces.")
            .ResolvePages(DatasetType.OfPaper, p => p.Id, p => p.Datasets);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources")
            .Description("The lists that mention this paper, by name; `mentionCount` is how many.")
            .ResolveAll(SourceType.Mentioning((s, paper) => s.Mentions.Any(m => m.PaperId == paper)), p => p.Id);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedPaperType>>>>("related")
            .Description("Papers sharing authors, datasets, code or keywords with this one, best first: score = 3 × shared authors + 2 × shared datasets + 2 × shared codebases + 1 × shared keywords (ties: lower id first).")
            .Argument<IntGraphType>("first", $"How many related papers (1 to {RelatedPapers.MaxFirst}).", a => a.DefaultValue = 5)
            .ResolveRelated();

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every place a list mentions this paper: list, section and line.")
            .ResolveAll(MentionType.Of<Paper>(p => p.Mentions), p => p.Id);
    }
}
