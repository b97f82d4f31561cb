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
        // The key is the read order: "an author's co-authors, most shared papers first" (the coauthors connection's
        // default order and its keyset) is a range of the table itself, no sort and only the page's rows read, and the
        // importer fills one b-tree instead of a table and an index (migration CoauthorshipsClusteredInReadOrder; the
        // database's key has SharedPapers descending, which EF Core cannot say of a key). The pair stays unique: the
        // table is one grouping of the bylines by pair.
        builder.HasKey(c => new { c.AuthorId, c.SharedPapers, c.CoauthorId });
        // The read side joins a pair to its author and co-author through these relationships, so the model keeps them;
        // the database does not (migrations CoauthorshipsKeyedByPairWithoutCoauthorForeignKey, then
        // CoauthorshipsClusteredInReadOrder, which on SQLite keep the table WITHOUT ROWID). The importer rewrites the
        // whole table from the bylines in its transaction, so a constraint guarded nothing, while its lookups were a
        // third of the import's largest statement (docs/benchmarks.md §13). EF Core's SQLite migrations rebuild a table
        // from the model when a column changes: a later migration that touches this table must keep its shape by hand.
        builder.HasOne(c => c.Author).WithMany(a => a.Coauthorships).HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Coauthor).WithMany().HasForeignKey(c => c.CoauthorId).OnDelete(DeleteBehavior.NoAction);
    }
}
