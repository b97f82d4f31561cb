using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class PaperCodebaseConfiguration : IEntityTypeConfiguration<PaperCodebase>
{
    public void Configure(EntityTypeBuilder<PaperCodebase> builder)
    {
        builder.HasKey(l => new { l.PaperId, l.CodebaseId });
        builder.HasIndex(l => new { l.CodebaseId, l.PaperId });
        builder.Property(l => l.Relation).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.HasOne(l => l.Paper).WithMany(p => p.Codebases).HasForeignKey(l => l.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Codebase).WithMany(c => c.Papers).HasForeignKey(l => l.CodebaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
