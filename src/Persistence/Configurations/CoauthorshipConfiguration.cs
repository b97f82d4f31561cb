using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class CoauthorshipConfiguration : IEntityTypeConfiguration<Coauthorship>
{
    public void Configure(EntityTypeBuilder<Coauthorship> builder)
    {
        // A table the importer fills (Import/CoauthorshipTable), not a view: a view's GROUP BY over the bylines cannot
        // take a correlated "AuthorId = parent" inside it, so every per-author read aggregated the whole corpus.
        builder.ToTable("Coauthorships");
        builder.HasKey(c => new { c.AuthorId, c.CoauthorId });
        // "An author's co-authors, most shared papers first" (the coauthors connection's default order and its
        // keyset) is a range of this index: no sort, no aggregation, only the page's rows read.
        builder.HasIndex(c => new { c.AuthorId, c.SharedPapers, c.CoauthorId })
            .IsDescending(false, true, false)
            .HasDatabaseName("IX_Coauthorships_AuthorId_SharedPapers_CoauthorId");
        builder.HasOne(c => c.Author).WithMany(a => a.Coauthorships).HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server allows one cascade path from Authors; the importer removes a leaving author's pairs itself
        // (both directions) before the author, so this side needs none.
        builder.HasOne(c => c.Coauthor).WithMany().HasForeignKey(c => c.CoauthorId).OnDelete(DeleteBehavior.NoAction);
    }
}
