using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>Staff accept a city's request: it becomes one visit in the Requested state, for the city's record (matched
/// or created as the membership form does), with the request's contact as the delegation's contact and its topics;
/// the contact is told in their language. Visit, request, record and mail are saved in one transaction.</summary>
public static class AcceptVisitRequest
{
    public const string DefaultVenue = "WeGO Secretariat, Seoul";
    public static readonly TimeOnly DefaultStart = new(10, 0);
    public static readonly TimeOnly DefaultEnd = new(12, 0);

    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : VisitTimeAndPlace, ICommand<NewId>
    {
        public int RequestId { get; init; }

        public int Version { get; init; }

        /// <summary>The form as it opens: the request's first date, the Secretariat's usual morning slot and venue,
        /// and what the city told.</summary>
        public static Command PrefilledFrom(VisitRequest request) =>
            new()
            {
                RequestId = request.Id,
                Version = request.Version,
                Purpose = request.Purpose,
                Date = request.EarliestDate,
                StartTime = DefaultStart,
                EndTime = DefaultEnd,
                TimeZoneId = VenueTime.Seoul,
                Venue = DefaultVenue,
                ExpectedHeadcount = request.DelegationSize,
                Languages = request.Languages,
                InterpretationNeeded = request.InterpretationNeeded,
            };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages) => Include(new VisitTimeAndPlaceValidator(messages));
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command, NewId>
    {
        public async ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var request = await db.LoadVisitRequestForChangeAsync(
                command.RequestId,
                command.Version,
                cancellationToken
            );
            var organization = await CityRecords.MatchOrAddAsync(
                db,
                request.OrganizationName,
                request.CountryCode,
                OrganizationKind.LocalGovernment,
                null,
                cancellationToken
            );
            var visit = Visit.Schedule(
                organization,
                command.Purpose,
                command.Venue,
                command.Date!.Value,
                command.StartTime!.Value,
                command.EndTime!.Value,
                command.TimeZoneId,
                now
            );
            visit.ExpectHeadcount(command.ExpectedHeadcount);
            visit.DescribeLanguages(command.Languages, command.InterpretationNeeded);
            visit.NameDelegationContact(request.ContactName, request.Email, request.PreferredLanguage);
            var topics = PublicForms.ProgrammesInEnglish(request.Topics, request.OtherTopics);
            foreach (var topic in topics.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                visit.RecordTopic(topic[..Math.Min(topic.Length, TopicOfInterest.TitleMaxLength)]);
            }

            db.Visits.Add(visit);
            // Neither the visit nor a new record has an id until the unit of work saves; EF's temporary values link
            // the request to both until then. A request no longer waiting refuses here, and the unit of work then saves
            // nothing: no visit is left behind by a second accept.
            request.Accept(
                db.Entry(visit).Property(v => v.Id).CurrentValue,
                db.Entry(organization).Property(o => o.Id).CurrentValue,
                now
            );
            db.OutboxMessages.Add(
                VisitRequestMails.ToCity(
                    request,
                    "VisitRequestAccepted",
                    now,
                    command.Date.Value,
                    command.StartTime.Value,
                    command.Venue
                )
            );
            return new NewId(visit);
        }
    }
}
