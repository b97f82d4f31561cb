using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class CodebaseConfiguration : IEntityTypeConfiguration<Codebase>
{
    public void Configure(EntityTypeBuilder<Codebase> builder)
    {
        builder.Property(c => c.Key).HasMaxLength(ColumnLengths.Key);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Url).HasMaxLength(ColumnLengths.Url);
        builder.HasIndex(c => c.Url);
        builder.Property(c => c.Host).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(c => c.Host);
        builder.Property(c => c.Owner).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.Repository).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.Description).HasMaxLength(ColumnLengths.Description);
    }
}
