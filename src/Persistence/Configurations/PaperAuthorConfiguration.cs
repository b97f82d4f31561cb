using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class PaperAuthorConfiguration : IEntityTypeConfiguration<PaperAuthor>
{
    public void Configure(EntityTypeBuilder<PaperAuthor> builder)
    {
        builder.HasKey(l => new { l.PaperId, l.AuthorId });
        // Author → papers is the reverse walk; the PK only serves paper → authors.
        builder.HasIndex(l => new { l.AuthorId, l.PaperId });
        builder.HasOne(l => l.Paper).WithMany(p => p.Authors).HasForeignKey(l => l.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Author).WithMany(a => a.Papers).HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
