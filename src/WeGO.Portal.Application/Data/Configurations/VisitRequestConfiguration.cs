using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class VisitRequestConfiguration : IEntityTypeConfiguration<VisitRequest>
{
    public void Configure(EntityTypeBuilder<VisitRequest> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(VisitRequest.ReferenceMaxLength);
        builder.Property(r => r.StatusTokenHash).HasMaxLength(VisitRequest.TokenHashLength).IsFixedLength();
        builder.Property(r => r.OrganizationName).HasMaxLength(Organization.NameMaxLength);
        builder.Property(r => r.CountryCode).HasMaxLength(Countries.CodeLength).IsFixedLength();
        builder.Property(r => r.ContactName).HasMaxLength(PersonName.MaxLength);
        builder.Property(r => r.ContactPosition).HasMaxLength(JobTitle.MaxLength);
        builder.Property(r => r.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(r => r.Phone).HasMaxLength(PhoneNumber.MaxLength);
        builder.Property(r => r.PreferredLanguage).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(r => r.Purpose).HasMaxLength(VisitRequest.PurposeMaxLength);
        builder.Property(r => r.OtherTopics).HasMaxLength(VisitRequest.OtherTopicsMaxLength);
        builder.Property(r => r.Languages).HasMaxLength(Visit.LanguagesMaxLength);
        builder.Property(r => r.ProposalMessage).HasMaxLength(VisitRequest.MessageMaxLength);
        builder.Property(r => r.CityAnswer).HasMaxLength(VisitRequest.MessageMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(VisitRequest.DeclineReasonMaxLength);
        builder.Property(r => r.Topics).HasConversion<int>();

        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.StatusTokenHash).IsUnique();
        // The triage queue: requests in a status, oldest first.
        builder.HasIndex(r => new { r.Status, r.SubmittedAtUtc });
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Visit>().WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.SetNull);
    }
}
