using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(StaffSession.IdLength);
        builder.Property(s => s.UserId).HasMaxLength(UserKey.MaxLength);
        builder.Property(s => s.SecurityStamp).HasMaxLength(StaffSession.SecurityStampMaxLength);
        builder.Property(s => s.UserAgent).HasMaxLength(StaffSession.UserAgentMaxLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.EndedAtUtc });
    }
}
