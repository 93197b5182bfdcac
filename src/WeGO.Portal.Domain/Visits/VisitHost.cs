using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

/// <summary>Someone receiving the delegation for WeGO: a staff user, or a named person such as the Secretary
/// General.</summary>
public sealed class VisitHost : Entity
{
    private VisitHost() { }

    internal VisitHost(string name, string? title, string? staffUserId, int order)
    {
        Name = Require.Text(name, "Visit.HostNameRequired", PersonName.MaxLength);
        Title = Require.OptionalText(title, JobTitle.MaxLength);
        StaffUserId = Require.OptionalText(staffUserId, UserKey.MaxLength);
        Order = order;
    }

    public string Name { get; private set; } = "";

    public string? Title { get; private set; }

    /// <summary>Set when the host is a portal user, so their bookings can be checked for conflicts.</summary>
    public string? StaffUserId { get; private set; }

    public int Order { get; private set; }

    internal void MoveTo(int order) => Order = order;
}
