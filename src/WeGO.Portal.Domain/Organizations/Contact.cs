using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Organizations;

/// <summary>A named person the Secretariat deals with, at a city or in WeGO itself
/// (e.g. the Secretary General, who hosts visits without being a portal user).</summary>
public sealed class Contact : Entity
{
    private Contact() { }

    public Contact(string fullName, string? title, int? organizationId, string? email = null, string? phone = null)
    {
        Update(fullName, title, email, phone);
        OrganizationId = organizationId;
    }

    public string FullName { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Empty for people of the WeGO Secretariat.</summary>
    public int? OrganizationId { get; private set; }

    public void Update(string fullName, string? title, string? email, string? phone)
    {
        FullName = Require.Text(fullName, "Contact.NameRequired", PersonName.MaxLength);
        Title = Require.OptionalText(title, JobTitle.MaxLength);
        Email = Require.OptionalText(email, EmailAddress.MaxLength);
        Phone = Require.OptionalText(phone, PhoneNumber.MaxLength);
    }
}
