using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>The match was wrong: the inquiry comes from a city the Secretariat has no record of yet. A new
/// organisation is created from the inquiry's name, country and kind (region from the country), and the inquiry
/// is matched to it.</summary>
public static class SplitInquiry
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command(int InquiryId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            var organization = new Organization(
                inquiry.OrganizationName,
                inquiry.CountryCode,
                Countries.SuggestRegion(inquiry.CountryCode),
                inquiry.Kind
            );
            organization.SetPopulation(inquiry.Population);
            db.Organizations.Add(organization);

            // The new record has no id until the unit of work saves: match to its temporary key, which EF Core
            // replaces with the real one on insert.
            inquiry.MatchTo(db.Entry(organization).Property(o => o.Id).CurrentValue);
            return Unit.Value;
        }
    }
}
