using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class PaperKeywordConfiguration : IEntityTypeConfiguration<PaperKeyword>
{
    public void Configure(EntityTypeBuilder<PaperKeyword> builder)
    {
        builder.HasKey(l => new { l.PaperId, l.KeywordId });
        builder.HasIndex(l => new { l.KeywordId, l.PaperId });
        builder.HasOne(l => l.Paper).WithMany(p => p.Keywords).HasForeignKey(l => l.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Keyword).WithMany(k => k.Papers).HasForeignKey(l => l.KeywordId).OnDelete(DeleteBehavior.Cascade);
    }
}
