using System.Linq.Expressions;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Schema.Stats;

/// <summary>
/// What every aggregation of one `stats` call starts from: the papers matching its `where`; and <paramref name="Key"/>,
/// which data and which filter they are (database, data version, the filter as written), for <see cref="StatsCache"/>.
/// </summary>
internal sealed record StatsScope(Expression<Func<Paper, bool>>? Filter, string Key)
{
    public IQueryable<Paper> Papers(IQueryable<Paper> all) => Filter is null ? all : all.Where(Filter);
}
