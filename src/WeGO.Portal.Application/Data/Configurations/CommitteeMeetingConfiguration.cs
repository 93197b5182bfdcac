using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class CommitteeMeetingConfiguration : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> builder)
    {
        builder.Property(m => m.Place).HasMaxLength(CommitteeMeeting.PlaceMaxLength);
        builder.Property(m => m.MembersPresent).HasMaxLength(CommitteeMeeting.MembersPresentMaxLength);
        builder.HasIndex(m => m.HeldOn);
        builder.HasMany(m => m.Items).WithOne().HasForeignKey("MeetingId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Items).HasField("items");
    }
}

internal sealed class CommitteeAgendaItemConfiguration : IEntityTypeConfiguration<CommitteeAgendaItem>
{
    public void Configure(EntityTypeBuilder<CommitteeAgendaItem> builder)
    {
        builder.Property(i => i.Resolution).HasMaxLength(CommitteeAgendaItem.ResolutionMaxLength);
        builder.HasIndex(i => i.ApplicationId);
        builder
            .HasOne<MembershipApplication>()
            .WithMany()
            .HasForeignKey(i => i.ApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
