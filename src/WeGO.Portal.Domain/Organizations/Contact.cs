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

    /// <summary>Contact details are never copied into the audit trail; the name is, so the history can say who was
    /// involved (and a person's erasure scrubs it there).</summary>
    [PersonalData]
    public string? Email { get; private set; }

    [PersonalData]
    public string? Phone { get; private set; }

    /// <summary>Empty for people of the WeGO Secretariat.</summary>
    public int? OrganizationId { get; private set; }

    /// <summary>Erases the person on their request; the contact stays where it is referenced.</summary>
    public void ErasePerson() => (FullName, Title, Email, Phone) = (Erased.Mark, null, null, null);

    public void Update(string fullName, string? title, string? email, string? phone)
    {
        FullName = Require.Text(fullName, "Contact.NameRequired", PersonName.MaxLength);
        Title = Require.OptionalText(title, JobTitle.MaxLength);
        Email = Require.OptionalText(email, EmailAddress.MaxLength);
        Phone = Require.OptionalText(phone, PhoneNumber.MaxLength);
    }
}
