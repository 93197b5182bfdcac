using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Description).HasMaxLength(FollowUp.DescriptionMaxLength);
        builder.Property(f => f.OwnerName).HasMaxLength(PersonName.MaxLength);
        builder.Property(f => f.OwnerUserId).HasMaxLength(UserKey.MaxLength);
        builder.Property(f => f.ClosedBy).HasMaxLength(PersonName.MaxLength);
        builder.HasOne<Visit>().WithMany().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Cascade);
        // Restrict, not cascade: SQL Server refuses a second cascade path from visits (visit -> inquiry -> follow-up).
        builder
            .HasOne<MembershipInquiry>()
            .WithMany()
            .HasForeignKey(f => f.InquiryId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.Status, f.DueOn });
        // "My overdue follow-ups" is counted on every page (the navigation badge): owner first, so SQLite, which has
        // no statistics, cannot prefer the (Status, DueOn) index and walk every overdue follow-up.
        builder.HasIndex(f => new
        {
            f.OwnerUserId,
            f.Status,
            f.DueOn,
        });
    }
}
