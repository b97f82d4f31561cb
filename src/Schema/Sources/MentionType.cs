using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Sources;

internal sealed class MentionType : ObjectGraphType<Mention>, IEntityGraphType
{
    /// <summary>What clients may read and filter on a mention: one line per member (not a Node, so no global id).</summary>
    public static readonly EntityModel<Mention> Members = new EntityModel<Mention>("Mention", m => m.Id, isNode: false)
        .String("section", m => m.Section, "Heading path of the section, innermost last (\"Papers / 2023\").")
        .Int("line", m => m.Line, "1-based line in the list file (the flattened list is one line; see column).")
        .Int("column", m => m.Column, "1-based character column, given for the flattened one-line list.");

    public static IEntityModel Model => Members;

    public MentionType()
    {
        Name = "Mention";
        Description = "Provenance: one place in one list where an item appears.";
        Field<NonNullGraphType<SourceType>>("source")
            .Description("The list.")
            .ResolveReference(m => m.SourceId, (db, ids) => db.Sources.Where(s => ids.Contains(s.Id)).Select(s => new Keyed<Source>(s.Id, s)));
        Members.AddFieldsTo(this);
    }
}
