using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class RetiredKeyConfiguration : IEntityTypeConfiguration<RetiredKey>
{
    public void Configure(EntityTypeBuilder<RetiredKey> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(ColumnLengths.ShortText);
        builder.Property(r => r.Key).HasMaxLength(ColumnLengths.Key);
        builder.HasIndex(r => new { r.Kind, r.Key }).IsUnique();
        // An id is retired once: it belongs to one key of its kind for ever.
        builder.HasIndex(r => new { r.Kind, r.EntityId }).IsUnique();
    }
}
