using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff record the Executive Committee's decision on an agenda item, in the resolution's words. An approval
/// changes the member registry (an Associate city becomes a Full member; a Friendship or Corporate member joins), and
/// the applicant is written to in their language: all in one transaction, so the registry, the agenda and the mail
/// never disagree.</summary>
public static class RecordCommitteeDecision
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int MeetingId { get; init; }

        public int Version { get; init; }

        public int ApplicationId { get; init; }

        public CommitteeDecision? Decision { get; init; }

        public string? Resolution { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).NotNull().IsInEnum();
            RuleFor(c => c.Resolution).NotEmpty().MaximumLength(CommitteeAgendaItem.ResolutionMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingForChangeAsync(command.MeetingId, command.Version, cancellationToken);
            var application = await db.MembershipApplications.SingleOrDefaultAsync(
                a => a.Id == command.ApplicationId,
                cancellationToken
            ) ?? throw new DomainException("Application.NotFound");
            var decision = command.Decision!.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            meeting.Decide(application, decision, command.Resolution!, SecretariatCalendar.Today(clock), now);
            await db.FollowInquiryAsync(application, now, cancellationToken);

            var organization = await db.Organizations.SingleAsync(
                o => o.Id == application.OrganizationId,
                cancellationToken
            );
            var item = meeting.Items.Single(i => i.ApplicationId == application.Id);
            var cause = $"{application.Reference} · {meeting.HeldOn:yyyy-MM-dd} #{item.Order}";
            var member = await db
                .Members.Include(m => m.Changes)
                .SingleOrDefaultAsync(m => m.OrganizationId == organization.Id, cancellationToken);
            var category = application.Category;
            if (decision == CommitteeDecision.Approved)
            {
                if (category == MembershipCategory.Full)
                {
                    (member ?? throw new DomainException("Member.OnlyAssociateBecomesFull")).BecomeFull(
                        meeting.HeldOn,
                        cause
                    );
                }
                else if (member is null)
                {
                    db.Members.Add(
                        Member.AdmittedByCommittee(
                            organization.Id,
                            organization.Kind,
                            category,
                            await OfficeForRegion.IdAsync(db, organization.Region, cancellationToken),
                            meeting.HeldOn,
                            cause
                        )
                    );
                    if (!organization.IsMember)
                    {
                        organization.BecomeMember(meeting.HeldOn);
                    }
                }
                else
                {
                    throw new DomainException("Application.AlreadyMember");
                }
            }

            db.OutboxMessages.Add(
                Emails.Compose(
                    application.ContactEmail,
                    "CommitteeDecision." + decision,
                    application.Language,
                    now,
                    application.ContactName,
                    organization.Name,
                    application.Reference,
                    meeting.HeldOn.ToDateTime(TimeOnly.MinValue),
                    Emails.Text("Category." + category, application.Language),
                    command.Resolution!.Trim(),
                    Emails.Text("Signature", application.Language)
                )
            );
            return Unit.Value;
        }
    }
}
