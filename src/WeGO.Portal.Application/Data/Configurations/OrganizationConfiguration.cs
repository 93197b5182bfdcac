using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.NormalizedName).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.LocalName).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.NameEn).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.NameEs).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.NameKo).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.CountryCode).HasMaxLength(Countries.CodeLength).IsFixedLength();
        builder.HasIndex(o => new { o.NormalizedName, o.CountryCode });
        builder.Ignore(o => o.IsMember);
    }
}

internal sealed class RegionalOfficeConfiguration : IEntityTypeConfiguration<RegionalOffice>
{
    public void Configure(EntityTypeBuilder<RegionalOffice> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(RegionalOffice.NameMaxLength);
        builder.Property(o => o.City).HasMaxLength(RegionalOffice.CityMaxLength);
        builder.Property(o => o.CountryCode).HasMaxLength(Countries.CodeLength).IsFixedLength();
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(PersonName.MaxLength);
        builder.Property(c => c.Title).HasMaxLength(JobTitle.MaxLength);
        builder.Property(c => c.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.Phone).HasMaxLength(PhoneNumber.MaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
