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
        // The read side joins a pair to its co-author through this relationship, so the model keeps it; the database
        // does not (migration CoauthorshipsKeyedByPairWithoutCoauthorForeignKey drops its foreign key and index, and
        // on SQLite makes the table WITHOUT ROWID, keyed by the pair). The importer rewrites the whole table from the
        // bylines in its transaction, so the constraint guarded nothing, while its lookups and its index, filled in
        // random order, were most of the import's largest phase (docs/benchmarks.md §13). Nothing reads by co-author.
        // EF Core's SQLite migrations rebuild a table from the model when a column changes: a later migration that
        // touches this table must keep that shape by hand.
        builder.HasOne(c => c.Coauthor).WithMany().HasForeignKey(c => c.CoauthorId).OnDelete(DeleteBehavior.NoAction);
    }
}
