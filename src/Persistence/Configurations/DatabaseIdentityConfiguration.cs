using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class DatabaseIdentityConfiguration : IEntityTypeConfiguration<DatabaseIdentity>
{
    public void Configure(EntityTypeBuilder<DatabaseIdentity> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        // No HasData: seed data is one value for every database; the migration inserts a random one with SQL instead.
        builder.Property(i => i.Value).HasMaxLength(32).IsUnicode(false);
    }
}
