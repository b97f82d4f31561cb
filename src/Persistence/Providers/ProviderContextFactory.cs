using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>Hands out the provider's pooled context as the provider-neutral type the rest of the code uses.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<RlhfGraphDbContext>
    where TContext : RlhfGraphDbContext
{
    public RlhfGraphDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<RlhfGraphDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
