using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(MembershipInquiry.ReferenceMaxLength);
        builder.Property(a => a.StatusTokenHash).HasMaxLength(MembershipApplication.StatusTokenHashMaxLength);
        builder.Property(a => a.ContactName).HasMaxLength(PersonName.MaxLength);
        builder.Property(a => a.ContactEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(a => a.Language).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(a => a.ReturnReason).HasMaxLength(MembershipApplication.ReturnReasonMaxLength);
        builder.Ignore(a => a.IsChecked);

        builder.HasIndex(a => a.StatusTokenHash).IsUnique();
        builder.HasIndex(a => new { a.State, a.ReceivedAtUtc });
        builder.HasIndex(a => a.InquiryId);
        builder.HasIndex(a => a.Reference);
        builder
            .HasOne<Organization>()
            .WithMany()
            .HasForeignKey(a => a.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MembershipInquiry>().WithMany().HasForeignKey(a => a.InquiryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey("ApplicationId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Documents).HasField("documents");
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(ApplicationDocument.FileNameMaxLength);
        builder.Property(d => d.StoredName).HasMaxLength(ApplicationDocument.StoredNameMaxLength);
        builder.Ignore(d => d.ContentType);
        builder.HasIndex(d => d.StoredName).IsUnique();
    }
}
