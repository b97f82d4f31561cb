using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Configurations;

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(ColumnLengths.Key);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(ColumnLengths.Title);
        builder.HasIndex(p => p.Title);
        builder.Property(p => p.TitleKey).HasMaxLength(ColumnLengths.Title);
        builder.HasIndex(p => p.TitleKey);
        builder.Property(p => p.Url).HasMaxLength(ColumnLengths.Url);
        builder.HasIndex(p => p.Url);
        builder.Property(p => p.ArxivId).HasMaxLength(ColumnLengths.ShortText);
        // Filtered so the many papers without an arXiv id don't collide (SQL Server treats NULLs as equal in unique indexes).
        builder.HasIndex(p => p.ArxivId).IsUnique().HasFilter("[ArxivId] IS NOT NULL");
        builder.Property(p => p.Venue).HasMaxLength(ColumnLengths.Name);
        builder.Property(p => p.VenueSource).HasMaxLength(ColumnLengths.Name);
        builder.Property(p => p.YearSource).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(p => p.Venue);
        builder.HasIndex(p => p.Year);
        // "Newest first, then by title" is the catalog's listing order: read in order from this index, a page of it
        // costs a few rows instead of sorting every paper of the top year (1,258 of them at 10k) on each request.
        builder.HasIndex(p => new { p.Year, p.Title }).IsDescending(true, false);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.HasIndex(p => p.Kind);
        builder.HasIndex(p => p.CitationCount);
        builder.HasIndex(p => p.MentionCount);
        builder.Property(p => p.Alias).HasMaxLength(ColumnLengths.Name);
    }
}
