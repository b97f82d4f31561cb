using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class CoauthorshipConfiguration : IEntityTypeConfiguration<Coauthorship>
{
    /// <summary>The view's SQL, the same on SQLite and SQL Server; created by the AddCoauthorshipsView migrations.</summary>
    internal const string ViewSql = """
        CREATE VIEW Coauthorships AS
        SELECT mine.AuthorId AS AuthorId, theirs.AuthorId AS CoauthorId, COUNT(*) AS SharedPapers
        FROM PaperAuthors mine
        JOIN PaperAuthors theirs ON theirs.PaperId = mine.PaperId AND theirs.AuthorId <> mine.AuthorId
        GROUP BY mine.AuthorId, theirs.AuthorId
        """;

    public void Configure(EntityTypeBuilder<Coauthorship> builder)
    {
        builder.ToView("Coauthorships");
        builder.HasKey(c => new { c.AuthorId, c.CoauthorId });
        builder.HasOne(c => c.Author).WithMany(a => a.Coauthorships).HasForeignKey(c => c.AuthorId);
        builder.HasOne(c => c.Coauthor).WithMany().HasForeignKey(c => c.CoauthorId);
    }
}
