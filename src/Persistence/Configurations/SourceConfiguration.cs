using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.FileName).HasMaxLength(ColumnLengths.Name);
        builder.Property(s => s.OriginalFileName).HasMaxLength(ColumnLengths.Name);
        builder.Property(s => s.Title).HasMaxLength(ColumnLengths.Name);
        builder.Property(s => s.Format).HasMaxLength(ColumnLengths.ShortText);
        builder.Property(s => s.ContentHash).HasMaxLength(ColumnLengths.ShortText);
    }
}
