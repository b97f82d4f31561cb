using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.Property(m => m.Section).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(m => m.PaperId);
        builder.HasIndex(m => m.CodebaseId);
        builder.HasIndex(m => m.DatasetId);
        builder.HasIndex(m => new { m.SourceId, m.Line });
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Mention_OneTarget",
            "(CASE WHEN [PaperId] IS NULL THEN 0 ELSE 1 END + CASE WHEN [CodebaseId] IS NULL THEN 0 ELSE 1 END + CASE WHEN [DatasetId] IS NULL THEN 0 ELSE 1 END) = 1"));
        builder.HasOne(m => m.Source).WithMany(s => s.Mentions).HasForeignKey(m => m.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Paper).WithMany(p => p.Mentions).HasForeignKey(m => m.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Codebase).WithMany(c => c.Mentions).HasForeignKey(m => m.CodebaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Dataset).WithMany(d => d.Mentions).HasForeignKey(m => m.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
