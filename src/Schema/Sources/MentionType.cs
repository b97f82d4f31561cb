using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Sources;

internal sealed class MentionType : ObjectGraphType<Mention>
{
    public MentionType()
    {
        Name = "Mention";
        Description = "Provenance: one place in one list where an item appears.";
        Field<NonNullGraphType<SourceType>>("source")
            .Description("The list.")
            .ResolveReference(m => m.SourceId, (db, ids) => db.Sources.Where(s => ids.Contains(s.Id)).Select(s => new Keyed<Source>(s.Id, s)));
        Field(m => m.Section, nullable: true).Description("Heading path of the section, innermost last (\"Papers / 2023\").");
        Field(m => m.Line).Description("1-based line in the list file (the flattened list is one line; see column).");
        Field(m => m.Column, nullable: true).Description("1-based character column, given for the flattened one-line list.");
    }
}
