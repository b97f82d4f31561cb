using System.Linq.Expressions;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Keywords;

internal sealed class KeywordType : ObjectGraphType<Keyword>, IEntityGraphType
{
    public static readonly EntityModel<Keyword> Members = new EntityModel<Keyword>("Keyword", k => k.Id)
        .String("name", k => k.Name, "The keyword as first written. Filters and sorting ignore case.", required: true)
        .Enum<KeywordCategory, KeywordCategoryType>("category", k => k.Category, "Topic, environment or task.")
        .Many<Paper, PaperType>("papers", k => k.Papers.Select(p => p.Paper!), "Papers carrying the keyword.");

    public static IEntityModel Model => Members;

    public static readonly Connection<Keyword, Keyword> All = new(Members, k => k, k => k.Id);

    /// <summary>A paper's keywords, alphabetically (the plain list `Paper.keywords`).</summary>
    public static readonly Connection<PaperKeyword, Keyword> OfPaper = new(Members, l => l.Keyword!, l => l.KeywordId,
        new SortKey("name", (Expression<Func<PaperKeyword, string>>)(l => l.Keyword!.Name), Descending: false));

    /// <summary>A codebase's keywords, alphabetically (the plain list `Codebase.keywords`).</summary>
    public static readonly Connection<CodebaseKeyword, Keyword> OfCodebase = new(Members, l => l.Keyword!, l => l.KeywordId,
        new SortKey("name", (Expression<Func<CodebaseKeyword, string>>)(l => l.Keyword!.Name), Descending: false));

    /// <summary>The column a plain list of keywords reads.</summary>
    public static ScalarMember NameColumn => Members.FindScalar("name")!;

    public KeywordType()
    {
        this.ImplementNode(Members, "A topic keyword, an environment (\"Atari\") or a task (\"IMDB sentiment\") attached to papers and codebases.");

        this.ConnectionField<Keyword, PaperType>("papers", "Papers carrying this keyword, newest first unless `order` is given.")
            .ResolvePages(PaperType.OfKeyword, k => k.Id, k => k.Papers);
    }
}
