using System.Linq.Expressions;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Authors;
using RlhfGraph.Schema.Datasets;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Sources;

namespace RlhfGraph.Schema.Codebases;

internal sealed class CodebaseType : ObjectGraphType<Codebase>, IEntityGraphType
{
    public static readonly EntityModel<Codebase> Members = new EntityModel<Codebase>("Codebase", c => c.Id)
        .String("name", c => c.Name, "The name a codebases section gives it, else the repository name.", required: true)
        .String("url", c => c.Url, "Normalized link (https, no .git, no /tree/… suffix).")
        .String("host", c => c.Host, "Host of the link, e.g. \"github.com\".")
        .String("owner", c => c.Owner, "Repository owner (user or organisation); null for project pages.")
        .String("repository", c => c.Repository, "Repository name; null for project pages.")
        .String("description", c => c.Description, "What the list says the codebase does.", Capabilities.Filter)
        .Strings("keywords", c => c.Keywords.Select(k => k.Keyword!.Name), "The codebase's keywords, environments and tasks.")
        .Many<Paper, PaperType>("papers", c => c.Papers.Select(p => p.Paper!), "Papers linking this code.")
        .Many<Dataset, DatasetType>("datasets", c => c.Datasets.Select(d => d.Dataset!), "Datasets the codebase works with.")
        .Many<Author, AuthorType>("authors", c => c.Authors.Select(a => a.Author!), "People named for the codebase.");

    public static IEntityModel Model => Members;

    public static readonly Connection<Codebase, Codebase> All = new(Members, c => c, c => c.Id);

    /// <summary>A paper's code: official first, then third party, then unspecified.</summary>
    public static readonly Connection<PaperCodebase, Codebase> OfPaper = new(Members, l => l.Codebase!, l => l.CodebaseId,
        new Querying.Sorting.SortKey("relation", (Expression<Func<PaperCodebase, CodeRelation>>)(l => l.Relation), Descending: false));

    public static readonly Connection<CodebaseDataset, Codebase> OfDataset = new(Members, l => l.Codebase!, l => l.CodebaseId);

    public CodebaseType()
    {
        this.ImplementNode(Members, "A code repository or project page, merged by normalized URL and across owner moves (lvwerra/trl → huggingface/trl).");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keywords")
            .Description("Keywords, environments and tasks the lists attach to this codebase, alphabetically.")
            .ResolveValues(Keywords.KeywordType.OfCodebase, c => c.Keywords, Keywords.KeywordType.NameColumn, c => c.Id);

        this.ConnectionField<Codebase, PaperType>("papers", "Papers linking this codebase, newest first unless `order` is given.")
            .ResolvePages(PaperType.OfCodebase, c => c.Id, c => c.Papers);

        this.ConnectionField<Codebase, DatasetType>("datasets", "Datasets this codebase works with.")
            .ResolvePages(DatasetType.OfCodebase, c => c.Id, c => c.Datasets);

        this.ConnectionField<Codebase, AuthorType>("authors", "People a codebases section names for it, in the order listed.")
            .ResolvePages(AuthorType.OfCodebase, c => c.Id, c => c.Authors);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every place a list mentions this codebase (its own entry or a paper's code link): list, section and line.")
            .ResolveAll(MentionType.Of<Codebase>(c => c.Mentions), c => c.Id);
    }
}
