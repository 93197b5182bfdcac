using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff open an organisation's membership application: from its inquiry (the applicant keeps the inquiry's
/// reference and status link), or received directly, when the applicant is sent a status link of its own. Either
/// way the applicant is told, in their language, how to send the signed form.</summary>
public static class StartApplication
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand<Result>
    {
        public int? InquiryId { get; init; }

        /// <summary>Received directly: the organisation, who signs for it and their language.</summary>
        public int? OrganizationId { get; init; }

        public string? ContactName { get; init; }

        public string? ContactEmail { get; init; }

        public string? Language { get; init; }
    }

    /// <param name="StatusToken">The new status link's token, for a direct application only.</param>
    public sealed record Result(NewId ApplicationId, string? StatusToken);

    /// <summary>The organisation picker of a direct application: the city records <paramref name="Search"/> finds
    /// (<see cref="FindOrganizations"/>), with the one already chosen first, so a refused form shows it
    /// again.</summary>
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record ChoicesQuery(string? Search, int? ChosenId) : IQuery<IReadOnlyList<Choice>>;

    /// <summary>A city record to choose, with what the page tells before a refusal would: whether it is a member
    /// already or has an application on its way.</summary>
    public sealed record Choice(
        int Id,
        string Name,
        string? LocalName,
        string CountryCode,
        OrganizationKind Kind,
        bool IsMember,
        bool HasOpenApplication
    )
    {
        /// <summary>The category the application leads to (a city's passes through Associate).</summary>
        public MembershipCategory Category => MembershipCategories.AppliedForBy(Kind);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            When(
                c => c.InquiryId is null,
                () =>
                {
                    RuleFor(c => c.OrganizationId)
                        .NotNull()
                        .WithMessage(_ => messages["Application.OrganizationRequired"]);
                    RuleFor(c => c.ContactName).NotEmpty().MaximumLength(PersonName.MaxLength);
                    RuleFor(c => c.ContactEmail).NotEmpty().EmailAddress().MaximumLength(EmailAddress.MaxLength);
                    RuleFor(c => c.Language).Must(l => SubmitMembershipInquiry.Languages.Contains(l!));
                }
            );
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<MailSettings> mail)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            string? token = null;
            MembershipApplication application;
            string organization;
            if (command.InquiryId is { } inquiryId)
            {
                var inquiry = await db
                    .MembershipInquiries.AsNoTracking()
                    .SingleOrDefaultAsync(i => i.Id == inquiryId, cancellationToken)
                    ?? throw new DomainException("Inquiry.NotFound");
                var organizationId = inquiry.OrganizationId ?? throw new DomainException("Application.NeedsMatch");
                (var kind, organization) = await OrganizationAsync(organizationId, cancellationToken);
                application = new MembershipApplication(
                    inquiry.Reference,
                    organizationId,
                    kind,
                    inquiryId,
                    new ApplicationContact(inquiry.ContactName, inquiry.Email, inquiry.PreferredLanguage),
                    null,
                    now
                );
            }
            else
            {
                var organizationId = command.OrganizationId!.Value;
                (var kind, organization) = await OrganizationAsync(organizationId, cancellationToken);
                token = PrivateLinks.NewStatusToken();
                application = new MembershipApplication(
                    PrivateLinks.NewReference(PrivateLinks.InquiryPrefix, now.Year),
                    organizationId,
                    kind,
                    null,
                    new ApplicationContact(command.ContactName!, command.ContactEmail!, command.Language!),
                    PrivateLinks.HashStatusToken(token),
                    now
                );
            }

            if (await db.Members.AnyAsync(m => m.OrganizationId == application.OrganizationId, cancellationToken))
            {
                throw new DomainException("Application.AlreadyMember");
            }

            // One application on its way per organisation, whether it came from an inquiry or directly (and per
            // inquiry, should the inquiry have been matched to another record since).
            if (
                await db.MembershipApplications.AnyAsync(
                    a =>
                        OpenStates.Contains(a.State)
                        && (
                            a.OrganizationId == application.OrganizationId
                            || (application.InquiryId != null && a.InquiryId == application.InquiryId)
                        ),
                    cancellationToken
                )
            )
            {
                throw new DomainException("Application.AlreadyOpen");
            }

            db.MembershipApplications.Add(application);
            await db.FollowInquiryAsync(application, now, cancellationToken);
            var link = token is null
                ? Emails.Text("ApplicationOpened.InquiryLink", application.Language)
                : $"{mail.Value.PublicUrl.ToString().TrimEnd('/')}/Membership/Status/{token}";
            db.OutboxMessages.Add(
                Emails.Compose(
                    application.ContactEmail,
                    "ApplicationOpened",
                    application.Language,
                    now,
                    application.ContactName,
                    organization,
                    application.Reference,
                    link,
                    Emails.Text("Signature", application.Language)
                )
            );
            return new Result(new NewId(application), token);
        }

        private async Task<(OrganizationKind Kind, string Name)> OrganizationAsync(
            int organizationId,
            CancellationToken cancellationToken
        )
        {
            var organization = await db
                .Organizations.Where(o => o.Id == organizationId)
                .Select(o => new { o.Kind, o.Name })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Organization.NotFound");
            return (organization.Kind, organization.Name);
        }
    }

    public sealed class ChoicesHandler(PortalDbContext db) : IQueryHandler<ChoicesQuery, IReadOnlyList<Choice>>
    {
        public async ValueTask<IReadOnlyList<Choice>> Handle(ChoicesQuery query, CancellationToken cancellationToken)
        {
            List<int> ids = string.IsNullOrWhiteSpace(query.Search)
                ? []
                : await FindOrganizations.Matching(db, query.Search).Select(o => o.Id).ToListAsync(cancellationToken);
            if (query.ChosenId is { } chosen)
            {
                ids.Remove(chosen);
                ids.Insert(0, chosen);
            }

            var choices = await db
                .Organizations.AsNoTracking()
                .Where(o => ids.Contains(o.Id))
                .Select(o => new Choice(
                    o.Id,
                    o.Name,
                    o.LocalName,
                    o.CountryCode,
                    o.Kind,
                    db.Members.Any(m => m.OrganizationId == o.Id),
                    db.MembershipApplications.Any(a => a.OrganizationId == o.Id && OpenStates.Contains(a.State))
                ))
                .ToListAsync(cancellationToken);
            return [.. choices.OrderBy(c => ids.IndexOf(c.Id))];
        }
    }

    /// <summary>An application still on its way: received, returned to the applicant or waiting for the
    /// Committee.</summary>
    public static readonly ApplicationState[] OpenStates =
    [
        ApplicationState.Received,
        ApplicationState.Returned,
        ApplicationState.Accepted,
    ];
}
