using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class MembershipInquiryConfiguration : IEntityTypeConfiguration<MembershipInquiry>
{
    public void Configure(EntityTypeBuilder<MembershipInquiry> builder)
    {
        builder.Property(i => i.Reference).HasMaxLength(MembershipInquiry.ReferenceMaxLength);
        builder.Property(i => i.StatusToken).HasMaxLength(MembershipInquiry.StatusTokenMaxLength);
        builder.Property(i => i.OrganizationName).HasMaxLength(Organization.NameMaxLength);
        builder.Property(i => i.CountryCode).HasMaxLength(Countries.CodeLength).IsFixedLength();
        builder.Property(i => i.ContactName).HasMaxLength(PersonName.MaxLength);
        builder.Property(i => i.ContactPosition).HasMaxLength(JobTitle.MaxLength);
        builder.Property(i => i.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.Phone).HasMaxLength(PhoneNumber.MaxLength);
        builder.Property(i => i.PreferredLanguage).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(i => i.OtherInterest).HasMaxLength(MembershipInquiry.OtherInterestMaxLength);
        builder.Property(i => i.HeardFrom).HasMaxLength(MembershipInquiry.HeardFromMaxLength);
        builder.Property(i => i.Message).HasMaxLength(MembershipInquiry.MessageMaxLength);
        builder.Property(i => i.OwnerUserId).HasMaxLength(UserKey.MaxLength);

        // Flags are combined, so they are stored as a number the database can test bit by bit.
        builder.Property(i => i.Interests).HasConversion<int>();

        builder.HasIndex(i => i.Reference).IsUnique();
        builder.HasIndex(i => i.StatusToken).IsUnique();
        builder.HasIndex(i => new { i.Stage, i.SubmittedAtUtc });
        // The dashboard: inquiries of a period by stage, and "did this organisation inquire after its visit"
        // (docs/performance.md).
        builder.HasIndex(i => new { i.SubmittedAtUtc, i.Stage });
        builder.HasIndex(i => new { i.OrganizationId, i.SubmittedAtUtc });
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder
            .HasOne<RegionalOffice>()
            .WithMany()
            .HasForeignKey(i => i.RegionalOfficeId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Visit>().WithMany().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Notes).WithOne().HasForeignKey("InquiryId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Notes).HasField("notes");
    }
}

internal sealed class InquiryNoteConfiguration : IEntityTypeConfiguration<InquiryNote>
{
    public void Configure(EntityTypeBuilder<InquiryNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(InquiryNote.TextMaxLength);
        builder.Property(n => n.Author).HasMaxLength(PersonName.MaxLength);
    }
}
