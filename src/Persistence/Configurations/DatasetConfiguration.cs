using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(ColumnLengths.Key);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(d => d.Name);
        builder.Property(d => d.Url).HasMaxLength(ColumnLengths.Url);
        builder.HasIndex(d => d.Url);
    }
}
