using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class KeywordConfiguration : IEntityTypeConfiguration<Keyword>
{
    public void Configure(EntityTypeBuilder<Keyword> builder)
    {
        builder.Property(k => k.Key).HasMaxLength(ColumnLengths.Key);
        builder.HasIndex(k => k.Key).IsUnique();
        builder.Property(k => k.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(k => k.Name);
        builder.Property(k => k.Category).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.HasIndex(k => k.Category);
    }
}
