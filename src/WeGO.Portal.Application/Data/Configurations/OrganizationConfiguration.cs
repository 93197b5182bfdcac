using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.NormalizedName).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.LocalName).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.HasIndex(o => new { o.NormalizedName, o.CountryCode });
        builder.Ignore(o => o.IsMember);
    }
}

internal sealed class RegionalOfficeConfiguration : IEntityTypeConfiguration<RegionalOffice>
{
    public void Configure(EntityTypeBuilder<RegionalOffice> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
