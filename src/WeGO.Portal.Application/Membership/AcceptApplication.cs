using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>The Secretariat accepts a checked application. A city enters the registry as an Associate member from
/// that day; a Friendship or Corporate application waits for the Executive Committee. The applicant is told in their
/// language, in the same transaction.</summary>
public static class AcceptApplication
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int ApplicationId { get; init; }

        public int Version { get; init; }

        /// <summary>The day of acceptance: today in Seoul unless given.</summary>
        public DateOnly? AcceptedOn { get; init; }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.LoadApplicationForChangeAsync(
                command.ApplicationId,
                command.Version,
                cancellationToken
            );
            var now = clock.GetUtcNow().UtcDateTime;
            var on = command.AcceptedOn ?? SecretariatCalendar.Today(clock);
            application.Accept(on, now);
            await db.FollowInquiryAsync(application, now, cancellationToken);

            var organization = await db.Organizations.SingleAsync(
                o => o.Id == application.OrganizationId,
                cancellationToken
            );
            var template = "ApplicationAccepted.Committee";
            if (application.Category == MembershipCategory.Full)
            {
                if (await db.Members.AnyAsync(m => m.OrganizationId == organization.Id, cancellationToken))
                {
                    throw new DomainException("Application.AlreadyMember");
                }

                // The office that handled its inquiry, else the one of its region.
                var office = await db
                    .MembershipInquiries.Where(i => i.Id == application.InquiryId)
                    .Select(i => i.RegionalOfficeId)
                    .SingleOrDefaultAsync(cancellationToken)
                    ?? await OfficeForRegion.IdAsync(db, organization.Region, cancellationToken);
                db.Members.Add(
                    Member.AssociateOf(organization.Id, organization.Kind, office, on, application.Reference)
                );
                if (!organization.IsMember)
                {
                    organization.BecomeMember(on);
                }

                template = "ApplicationAccepted.Associate";
            }

            db.OutboxMessages.Add(
                Emails.Compose(
                    application.ContactEmail,
                    template,
                    application.Language,
                    now,
                    application.ContactName,
                    organization.Name,
                    application.Reference,
                    on.ToDateTime(TimeOnly.MinValue),
                    Emails.Text("Signature", application.Language)
                )
            );
            return Unit.Value;
        }
    }
}
