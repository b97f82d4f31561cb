using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class DatasetAliasConfiguration : IEntityTypeConfiguration<DatasetAlias>
{
    public void Configure(EntityTypeBuilder<DatasetAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(a => new { a.DatasetId, a.Name }).IsUnique();
        builder.HasIndex(a => a.Name);
        builder.HasOne(a => a.Dataset).WithMany(d => d.Aliases).HasForeignKey(a => a.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
