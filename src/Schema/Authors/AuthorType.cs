using System.Linq.Expressions;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Authors;

internal sealed class AuthorType : ObjectGraphType<Author>, IEntityGraphType
{
    public static readonly EntityModel<Author> Members = new EntityModel<Author>("Author", a => a.Id)
        .String("name", a => a.Name, "The fullest spelling seen (\"Alex James Chan\" over \"Alex J. Chan\"). Filters and sorting ignore case.", required: true)
        .Enum<AuthorKind, AuthorKindType>("kind", a => a.Kind, "Person or organisation.")
        .Int("paperCount", a => a.PaperCount, "Number of papers crediting this author.")
        .Strings("aliases", a => a.Aliases.Select(x => x.Name), "Other spellings of the name seen in the lists.")
        .Many<Paper, PaperType>("papers", a => a.Papers.Select(p => p.Paper!), "The author's papers.");

    public static IEntityModel Model => Members;

    public static readonly Connection<Author, Author> All = new(Members, a => a, a => a.Id);

    /// <summary>A paper's byline: position order unless the client orders otherwise.</summary>
    public static readonly Connection<PaperAuthor, Author> OfPaper = new(Members, l => l.Author!, l => l.AuthorId,
        new SortKey("position", (Expression<Func<PaperAuthor, int>>)(l => l.Position), Descending: false));

    /// <summary>People named for a codebase, in the order listed.</summary>
    public static readonly Connection<CodebaseAuthor, Author> OfCodebase = new(Members, l => l.Author!, l => l.AuthorId,
        new SortKey("position", (Expression<Func<CodebaseAuthor, int>>)(l => l.Position), Descending: false));

    /// <summary>An author's co-authors, most shared papers first.</summary>
    public static readonly Connection<Coauthorship, Author> Coauthors = new(Members, c => c.Coauthor!, c => c.CoauthorId,
        new SortKey("sharedPapers", (Expression<Func<Coauthorship, int>>)(c => c.SharedPapers), Descending: true));

    /// <summary>An alias is read as its name only: a model for the planner, never a GraphQL type.</summary>
    private static readonly EntityModel<AuthorAlias> AliasModel = new EntityModel<AuthorAlias>("AuthorAlias", a => a.Id, isNode: false)
        .String("name", a => a.Name, "Another spelling of the author's name.", Capabilities.None, required: true);

    /// <summary>An author's other spellings, alphabetically (the plain list `Author.aliases`).</summary>
    private static readonly Connection<AuthorAlias, AuthorAlias> Aliases = new(AliasModel, a => a, a => a.Id,
        new SortKey("name", (Expression<Func<AuthorAlias, string>>)(a => a.Name), Descending: false));

    public AuthorType()
    {
        this.ImplementNode(Members, "A person or organisation credited on papers or codebases; spelling variants of one person are merged.");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other spellings of this name seen in the lists (\"Alex J. Chan\"), alphabetically.")
            .ResolveValues(Aliases, a => a.Aliases, AliasModel.FindScalar("name")!, a => a.Id);

        this.ConnectionField<Author, PaperType>("papers", "Papers crediting this author, newest first unless `order` is given.")
            .ResolvePages(PaperType.OfAuthor, a => a.Id, a => a.Papers);

        this.ConnectionField<Author, AuthorType, AuthorCoauthorsEdgeType>("coauthors", "Authors who share at least one paper with this author, most shared papers first unless `order` is given; each edge says how many (`sharedPapers`).")
            .ResolvePages(Coauthors, a => a.Id, a => a.Coauthorships);
    }
}
