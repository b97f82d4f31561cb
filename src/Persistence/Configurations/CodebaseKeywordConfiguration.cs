using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class CodebaseKeywordConfiguration : IEntityTypeConfiguration<CodebaseKeyword>
{
    public void Configure(EntityTypeBuilder<CodebaseKeyword> builder)
    {
        builder.HasKey(l => new { l.CodebaseId, l.KeywordId });
        builder.HasIndex(l => new { l.KeywordId, l.CodebaseId });
        builder.HasOne(l => l.Codebase).WithMany(c => c.Keywords).HasForeignKey(l => l.CodebaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Keyword).WithMany(k => k.Codebases).HasForeignKey(l => l.KeywordId).OnDelete(DeleteBehavior.Cascade);
    }
}
