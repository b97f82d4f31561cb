using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class CodebaseAuthorConfiguration : IEntityTypeConfiguration<CodebaseAuthor>
{
    public void Configure(EntityTypeBuilder<CodebaseAuthor> builder)
    {
        builder.HasKey(l => new { l.CodebaseId, l.AuthorId });
        builder.HasIndex(l => new { l.AuthorId, l.CodebaseId });
        builder.HasOne(l => l.Codebase).WithMany(c => c.Authors).HasForeignKey(l => l.CodebaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Author).WithMany(a => a.Codebases).HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
