using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Filtering;

namespace RlhfGraph.Schema.Stats;

/// <summary>The root field `stats`.</summary>
internal sealed class StatsQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<StatsType>>("stats")
            .Description("Aggregations for dashboards (papers per year, venue, kind, keyword and list; top authors; codebases per host; official code), over the papers matching `where`.")
            .Argument<FilterInputType<PaperType>>("where", "Only papers matching this filter are counted (the same filter `papers(where:)` takes).")
            .Resolve(context => new StatsScope(FilterExpressionBuilder.Build<Paper>(PaperType.Model, ArgumentValues.Raw(context, "where"))));
}
