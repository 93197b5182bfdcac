using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.Property(v => v.Purpose).HasMaxLength(Visit.PurposeMaxLength);
        builder.Property(v => v.Venue).HasMaxLength(Visit.VenueMaxLength);
        builder.Property(v => v.TimeZoneId).HasMaxLength(VenueTime.ZoneIdMaxLength);
        builder.Property(v => v.CancellationReason).HasMaxLength(Visit.CancellationReasonMaxLength);
        builder.Property(v => v.Languages).HasMaxLength(Visit.LanguagesMaxLength);
        builder.Property(v => v.VenueAddress).HasMaxLength(Visit.VenueAddressMaxLength);
        builder.Property(v => v.DayContacts).HasMaxLength(Visit.DayContactsMaxLength);
        builder.Ignore(v => v.StartsAtLocal);
        builder.Ignore(v => v.EndsAtLocal);

        builder
            .HasOne(v => v.Organization)
            .WithMany()
            .HasForeignKey(v => v.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne(v => v.Delegation)
            .WithOne()
            .HasForeignKey<Delegation>(d => d.VisitId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Hosts).WithOne().HasForeignKey("VisitId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Agenda).WithOne().HasForeignKey("VisitId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Topics).WithOne().HasForeignKey("VisitId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Hosts).HasField("hosts");
        builder.Navigation(v => v.Agenda).HasField("agenda");
        builder.Navigation(v => v.Topics).HasField("topics");

        builder.HasIndex(v => v.StartsAtUtc);
        builder.HasIndex(v => new { v.Status, v.StartsAtUtc });
        // Sorting by city walks Organizations(Name) and each city's visits by date instead of sorting every visit.
        builder.HasIndex(v => new { v.OrganizationId, v.StartsAtUtc });
        // Covers the dashboard's counts of a period's visits per month, region and organisation without reading the
        // rows.
        builder.HasIndex(v => new
        {
            v.StartsAtUtc,
            v.Status,
            v.OrganizationId,
        });
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.Property(d => d.HeadOfDelegation).HasMaxLength(PersonName.MaxLength);
        builder.Property(d => d.HeadOfDelegationTitle).HasMaxLength(JobTitle.MaxLength);
        builder.Property(d => d.ContactName).HasMaxLength(PersonName.MaxLength);
        builder.Property(d => d.ContactEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(d => d.ContactLanguage).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(d => d.LinkTokenHash).HasMaxLength(VisitRequest.TokenHashLength).IsFixedLength();
        builder.HasIndex(d => d.LinkTokenHash).IsUnique();
        builder.Ignore(d => d.Headcount);
        builder.Ignore(d => d.ArrivedCount);
        builder.Ignore(d => d.InPrecedence);
        builder.HasMany(d => d.Members).WithOne().HasForeignKey("DelegationId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Members).HasField("members");
    }
}

internal sealed class DelegationMemberConfiguration : IEntityTypeConfiguration<DelegationMember>
{
    public void Configure(EntityTypeBuilder<DelegationMember> builder)
    {
        builder.Property(m => m.FullName).HasMaxLength(PersonName.MaxLength);
        builder.Property(m => m.Title).HasMaxLength(JobTitle.MaxLength);
        builder.Property(m => m.Organization).HasMaxLength(Organization.NameMaxLength);
        builder.Property(m => m.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(m => m.DietaryNeeds).HasMaxLength(DelegationMember.NeedsMaxLength);
        builder.Property(m => m.AccessibilityNeeds).HasMaxLength(DelegationMember.NeedsMaxLength);
        builder.Property(m => m.Honorific).HasMaxLength(DelegationMember.HonorificMaxLength);
        builder.Property(m => m.InterpretationNeeds).HasMaxLength(DelegationMember.InterpretationNeedsMaxLength);
        builder.Ignore(m => m.AddressedAs);
    }
}

internal sealed class VisitHostConfiguration : IEntityTypeConfiguration<VisitHost>
{
    public void Configure(EntityTypeBuilder<VisitHost> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(PersonName.MaxLength);
        builder.Property(h => h.Title).HasMaxLength(JobTitle.MaxLength);
        builder.Property(h => h.StaffUserId).HasMaxLength(UserKey.MaxLength);
        builder.HasIndex(h => h.StaffUserId);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        builder.Property(a => a.Speaker).HasMaxLength(PersonName.MaxLength);
        builder.Property(a => a.Notes).HasMaxLength(AgendaItem.NotesMaxLength);
    }
}

internal sealed class TopicOfInterestConfiguration : IEntityTypeConfiguration<TopicOfInterest>
{
    public void Configure(EntityTypeBuilder<TopicOfInterest> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(TopicOfInterest.TitleMaxLength);
    }
}
