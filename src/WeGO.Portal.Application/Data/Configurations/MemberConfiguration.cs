using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Ignore(m => m.CanBecomeFull);
        builder.Ignore(m => m.CanSuspend);
        builder.Ignore(m => m.CanReinstate);
        builder.Ignore(m => m.CanWithdraw);

        // One registry line per organisation: it changes category and status, it does not join twice.
        builder.HasIndex(m => m.OrganizationId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.Category });
        builder
            .HasOne<Organization>()
            .WithMany()
            .HasForeignKey(m => m.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne<RegionalOffice>()
            .WithMany()
            .HasForeignKey(m => m.RegionalOfficeId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Changes).WithOne().HasForeignKey("MemberId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Changes).HasField("changes");
    }
}

internal sealed class MembershipChangeConfiguration : IEntityTypeConfiguration<MembershipChange>
{
    public void Configure(EntityTypeBuilder<MembershipChange> builder)
    {
        builder.Property(c => c.Cause).HasMaxLength(Member.CauseMaxLength);
        builder.Property(c => c.Reason).HasMaxLength(Member.ReasonMaxLength);
    }
}
