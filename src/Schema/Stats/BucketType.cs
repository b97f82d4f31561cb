using GraphQL.Types;

namespace RlhfGraph.Schema.Stats;

internal sealed class BucketType : ObjectGraphType<Bucket>
{
    public BucketType()
    {
        Name = "Bucket";
        Description = "One group of an aggregation: a key and how many items have it.";
        Field<StringGraphType>("key").Description("The group's value as text (a year, venue, kind, keyword, list name, author name or host); null for items where it is unknown.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many items fall in this group.").Resolve(c => c.Source.Count);
        Field<IdGraphType>("id").Description("The global id of the entity the key names (keyword, list or author), for node(id:); null for plain values.").Resolve(c => c.Source.Id);
    }
}
