using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class NewsReleaseConfiguration : IEntityTypeConfiguration<NewsRelease>
{
    public void Configure(EntityTypeBuilder<NewsRelease> builder)
    {
        builder.Property(r => r.Language).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(r => r.Slug).HasMaxLength(NewsRelease.SlugMaxLength);
        builder.Property(r => r.Headline).HasMaxLength(NewsRelease.HeadlineMaxLength);
        builder.Property(r => r.Dateline).HasMaxLength(NewsRelease.DatelineMaxLength);
        builder.Ignore(r => r.IsPublished);
        builder.HasOne<VisitReport>().WithMany().HasForeignKey(r => r.VisitReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.Slug, r.Language }).IsUnique();
        builder.HasIndex(r => r.PublishedAtUtc);
    }
}
