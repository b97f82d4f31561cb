using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class AuthorAliasConfiguration : IEntityTypeConfiguration<AuthorAlias>
{
    public void Configure(EntityTypeBuilder<AuthorAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(a => new { a.AuthorId, a.Name }).IsUnique();
        builder.HasIndex(a => a.Name);
        builder.HasOne(a => a.Author).WithMany(a => a.Aliases).HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
