using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class CodebaseDatasetConfiguration : IEntityTypeConfiguration<CodebaseDataset>
{
    public void Configure(EntityTypeBuilder<CodebaseDataset> builder)
    {
        builder.HasKey(l => new { l.CodebaseId, l.DatasetId });
        builder.HasIndex(l => new { l.DatasetId, l.CodebaseId });
        builder.HasOne(l => l.Codebase).WithMany(c => c.Datasets).HasForeignKey(l => l.CodebaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Dataset).WithMany(d => d.Codebases).HasForeignKey(l => l.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
