using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(UserKey.MaxLength);
        builder.Property(a => a.ActorName).HasMaxLength(PersonName.MaxLength);
        builder.Property(a => a.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength);
        builder.Property(a => a.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.HasIndex(a => new
        {
            a.EntityType,
            a.EntityId,
            a.OccurredAtUtc,
        });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        builder.Property(m => m.To).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.Language).HasMaxLength(LanguageCode.MaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimantMaxLength);
        builder.Property(m => m.AttachmentName).HasMaxLength(OutboxMessage.AttachmentNameMaxLength);
        builder.Property(m => m.AttachmentType).HasMaxLength(OutboxMessage.AttachmentTypeMaxLength);
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
    }
}

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<Domain.Privacy.PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<Domain.Privacy.PrivacyRequest> builder)
    {
        builder.Property(r => r.Counts).HasMaxLength(Domain.Privacy.PrivacyRequest.CountsMaxLength);
        builder.Ignore(r => r.CountsByStore);
        builder.HasIndex(r => r.CarriedOutAtUtc);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<Staff.StaffUser>
{
    public void Configure(EntityTypeBuilder<Staff.StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(PersonName.MaxLength);
        builder.Property(u => u.TimeZoneId).HasMaxLength(Domain.Visits.VenueTime.ZoneIdMaxLength);
    }
}
