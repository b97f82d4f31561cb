using System.Linq.Expressions;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Sources;

internal sealed class SourceType : ObjectGraphType<Source>, IEntityGraphType
{
    public static readonly EntityModel<Source> Members = new EntityModel<Source>("Source", s => s.Id)
        .String("name", s => s.Name, "Readable name of the list, e.g. \"awesome-rlhf-louieworth-2024\".", required: true)
        .String("title", s => s.Title, "The list's title and snapshot.")
        .String("fileName", s => s.FileName, "The list's file in the seed folder.", required: true)
        .String("format", s => s.Format, "How the list was read: awesome-markdown (the general reader), louieworth-markdown, opendilab-markdown, llm-training-markdown or flattened-text.", required: true)
        .Int("itemCount", s => s.ItemCount, "Items imported from this list (merged ones included, skipped ones not).");

    public static IEntityModel Model => Members;

    /// <summary>The lists, by name (names are unique).</summary>
    public static readonly Connection<Source, Source> All = new(Members, s => s, s => s.Id,
        new SortKey("name", (Expression<Func<Source, string>>)(s => s.Name), Descending: false));

    /// <summary>A mention's list: the mention's own row, its source joined.</summary>
    public static readonly Connection<Mention, Source> OfMention = new(Members, m => m.Source!, m => m.Id);

    /// <summary>The lists, by name, that <paramref name="correlation"/> (list, parent id) ties to a parent.</summary>
    public static ListField Mentioning(Expression<Func<Source, int, bool>> correlation) => new(All, null) { Correlation = correlation };

    public SourceType() =>
        this.ImplementNode(Members, "One of the hand-written lists the graph was imported from.");
}
