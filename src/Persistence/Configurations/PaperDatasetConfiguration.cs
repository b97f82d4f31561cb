using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class PaperDatasetConfiguration : IEntityTypeConfiguration<PaperDataset>
{
    public void Configure(EntityTypeBuilder<PaperDataset> builder)
    {
        builder.HasKey(l => new { l.PaperId, l.DatasetId });
        builder.HasIndex(l => new { l.DatasetId, l.PaperId });
        builder.HasOne(l => l.Paper).WithMany(p => p.Datasets).HasForeignKey(l => l.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Dataset).WithMany(d => d.Papers).HasForeignKey(l => l.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
