using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(ColumnLengths.Key);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(a => a.Name);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.HasIndex(a => a.PaperCount);
    }
}
