using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class IdentityKeyConfiguration : IEntityTypeConfiguration<IdentityKey>
{
    public void Configure(EntityTypeBuilder<IdentityKey> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(ColumnLengths.ShortText);
        builder.Property(r => r.Key).HasMaxLength(ColumnLengths.Key);
        // A key names one entity at a time (the last to hold it); an entity holds many keys.
        builder.HasIndex(r => new { r.Kind, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.Kind, r.EntityId });
    }
}
