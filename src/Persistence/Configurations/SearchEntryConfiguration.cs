using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.HasIndex(e => new { e.Kind, e.EntityId }).IsUnique();
        builder.Property(e => e.Label).HasMaxLength(ColumnLengths.Title);
        builder.Property(e => e.Name).HasMaxLength(ColumnLengths.Description);
        builder.Property(e => e.Text);
    }
}
