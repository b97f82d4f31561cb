using System.Linq.Expressions;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Schema.Stats;

/// <summary>What every aggregation of one `stats` call starts from: the papers matching its `where`.</summary>
internal sealed record StatsScope(Expression<Func<Paper, bool>>? Filter)
{
    public IQueryable<Paper> Papers(IQueryable<Paper> all) => Filter is null ? all : all.Where(Filter);
}
