using System.Linq.Expressions;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Sources;

internal sealed class MentionType : ObjectGraphType<Mention>, IEntityGraphType
{
    /// <summary>What clients may read and filter on a mention: one line per member (not a Node, so no global id).</summary>
    public static readonly EntityModel<Mention> Members = new EntityModel<Mention>("Mention", m => m.Id, isNode: false)
        .String("section", m => m.Section, "Heading path of the section, innermost last (\"Papers / 2023\").")
        .Int("line", m => m.Line, "1-based line in the list file (the flattened list is one line; see column).")
        .Int("column", m => m.Column, "1-based character column, given for the flattened one-line list.");

    public static IEntityModel Model => Members;

    /// <summary>Where the lists mention a paper, codebase or dataset: by list, then line (the plain list `mentions`).</summary>
    private static readonly Connection<Mention, Mention> All = new(Members, m => m, m => m.Id,
        new SortKey("sourceId", (Expression<Func<Mention, int>>)(m => m.SourceId), Descending: false),
        new SortKey("line", (Expression<Func<Mention, int>>)(m => m.Line), Descending: false));

    /// <summary>The mentions of a <typeparamref name="TParent"/>, through its navigation.</summary>
    public static ListField Of<TParent>(Expression<Func<TParent, IEnumerable<Mention>>> navigation) => new(All, navigation);

    public MentionType()
    {
        Name = "Mention";
        Description = "Provenance: one place in one list where an item appears.";
        Field<NonNullGraphType<SourceType>>("source")
            .Description("The list.")
            .ResolveReference(SourceType.OfMention, m => m.Source, m => m.Id);
        Members.AddFieldsTo(this);
    }
}
