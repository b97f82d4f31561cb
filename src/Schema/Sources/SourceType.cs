using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;

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

    public SourceType() =>
        this.ImplementNode(Members, "One of the hand-written lists the graph was imported from.");
}
