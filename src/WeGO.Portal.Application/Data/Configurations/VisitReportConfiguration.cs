using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class VisitReportConfiguration : IEntityTypeConfiguration<VisitReport>
{
    public void Configure(EntityTypeBuilder<VisitReport> builder)
    {
        builder.Property(r => r.AuthorId).HasMaxLength(UserKey.MaxLength);
        builder.Property(r => r.AuthorName).HasMaxLength(PersonName.MaxLength);
        builder.Property(r => r.ApprovedBy).HasMaxLength(PersonName.MaxLength);
        builder.Property(r => r.AuthorLanguage).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(r => r.AttachmentLinks).HasMaxLength(ReportContent.AttachmentLinksMaxLength);
        builder.Ignore(r => r.Content);
        builder.HasOne<Visit>().WithOne().HasForeignKey<VisitReport>(r => r.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.State, r.SubmittedAtUtc });
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey("VisitReportId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Comments).HasField("comments");
        builder
            .HasMany(r => r.Versions)
            .WithOne()
            .HasForeignKey("VisitReportId")
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Versions).HasField("versions");
    }
}

internal sealed class VisitReportVersionConfiguration : IEntityTypeConfiguration<VisitReportVersion>
{
    public void Configure(EntityTypeBuilder<VisitReportVersion> builder)
    {
        builder.Property(v => v.SavedBy).HasMaxLength(PersonName.MaxLength);
        builder.Property(v => v.AttachmentLinks).HasMaxLength(ReportContent.AttachmentLinksMaxLength);
        builder.HasIndex("VisitReportId", nameof(VisitReportVersion.Number)).IsUnique();
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(PersonName.MaxLength);
        builder.Property(c => c.Text).HasMaxLength(ReviewComment.TextMaxLength);
        builder.HasOne<ReviewComment>().WithMany().HasForeignKey(c => c.ReplyToId).OnDelete(DeleteBehavior.Restrict);
    }
}
