using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
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
            .ResolveAsync(async context =>
            {
                var where = ArgumentValues.Raw(context, "where");
                var filter = FilterExpressionBuilder.Build<Paper>(PaperType.Model, where);
                // Which data this is, in the request's snapshot: two primary-key lookups, whatever the corpus.
                var data = await context.QueryAsync((db, ct) => db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId)
                    .Select(v => new
                    {
                        v.Version,
                        Database = db.DatabaseIdentities.Where(i => i.Id == DatabaseIdentity.SingletonId).Select(i => i.Value).FirstOrDefault(),
                    })
                    .FirstOrDefaultAsync(ct)).ConfigureAwait(false);
                return new StatsScope(filter, $"{data?.Database}:{data?.Version}:{System.Text.Json.JsonSerializer.Serialize(where)}");
            });
}
