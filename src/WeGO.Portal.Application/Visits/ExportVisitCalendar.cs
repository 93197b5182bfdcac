using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>One visit as an iCalendar file (RFC 5545) to open in Outlook, Google Calendar or Apple Calendar.
/// Times are written in the venue's zone with its VTIMEZONE, so every calendar shows the hour agreed with the
/// delegation; the UID stays the same and SEQUENCE follows the visit's version, so importing it again updates
/// the event instead of adding a second one.</summary>
public static class ExportVisitCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private static readonly DateTime RulesFrom = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <param name="PortalRoot">The portal's address, for a link from the event back to the visit's page.</param>
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int VisitId, Uri? PortalRoot = null) : IQuery<IcsFile?>;

    public sealed record IcsFile(string FileName, string Content);

    /// <summary>What an event says about a visit, read in one query.</summary>
    public sealed record VisitEvent
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required string Organization { get; init; }

        public required string Purpose { get; init; }

        public required string Venue { get; init; }

        public required string TimeZoneId { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required DateTime EndsAtUtc { get; init; }

        public required VisitStatus Status { get; init; }

        public required string? CancellationReason { get; init; }

        public required string? HeadOfDelegation { get; init; }

        public required string? HeadOfDelegationTitle { get; init; }

        public required int Headcount { get; init; }

        public required IReadOnlyList<GetVisit.HostRow> Hosts { get; init; }

        public required IReadOnlyList<GetVisit.AgendaRow> Agenda { get; init; }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<Messages> text)
        : IQueryHandler<Query, IcsFile?>
    {
        public async ValueTask<IcsFile?> Handle(Query query, CancellationToken cancellationToken)
        {
            var visit = await Project(db.Visits.AsNoTracking().Where(v => v.Id == query.VisitId))
                .SingleOrDefaultAsync(cancellationToken);
            if (visit is null)
            {
                return null;
            }

            var content = Write([visit], clock.GetUtcNow().UtcDateTime, text, query.PortalRoot);
            return new IcsFile(FileName(visit.Id), content);
        }
    }

    public static IQueryable<VisitEvent> Project(IQueryable<Visit> visits) =>
        visits
            .Select(v => new VisitEvent
            {
                Id = v.Id,
                Version = v.Version,
                Organization = v.Organization.Name,
                Purpose = v.Purpose,
                Venue = v.Venue,
                TimeZoneId = v.TimeZoneId,
                StartsAtUtc = v.StartsAtUtc,
                EndsAtUtc = v.EndsAtUtc,
                Status = v.Status,
                CancellationReason = v.CancellationReason,
                HeadOfDelegation = v.Delegation.HeadOfDelegation,
                HeadOfDelegationTitle = v.Delegation.HeadOfDelegationTitle,
                Headcount = Delegation.HeadcountOf(v.Delegation.Members.Count, v.Delegation.ExpectedHeadcount),
                Hosts = v
                    .Hosts.OrderBy(h => h.Order)
                    .Select(h => new GetVisit.HostRow(h.Name, h.Title, h.StaffUserId))
                    .ToList(),
                Agenda = v
                    .Agenda.OrderBy(a => a.Order)
                    .Select(a => new GetVisit.AgendaRow(a.Order, a.StartsAt, a.EndsAt, a.Title, a.Speaker, a.Notes))
                    .ToList(),
            })
            .AsSplitQuery();

    /// <summary>The iCalendar text for <paramref name="visits"/>, with one VTIMEZONE for each venue zone they
    /// use.</summary> <param name="calendarName">The name a subscribed calendar shows; null for a single
    /// download.</param>
    public static string Write(
        IReadOnlyCollection<VisitEvent> visits,
        DateTime stampUtc,
        IStringLocalizer text,
        Uri? portalRoot,
        string? calendarName = null
    )
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//WeGO Secretariat//WeGO Portal//EN", Method = "PUBLISH" };
        if (calendarName is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", calendarName);
            // Outlook and Apple Calendar read these as "check again every hour".
            calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
            var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
            refresh.AddParameter("VALUE", "DURATION");
            calendar.AddProperty(refresh);
        }

        foreach (var zone in visits.GroupBy(v => v.TimeZoneId, StringComparer.Ordinal))
        {
            // Ical.Net reads a zone's rules from this date up to the machine's own clock, and fails when the
            // date lies ahead of it; starting in 2000 at the latest keeps it in range and still gives today's rules.
            var earliest = VenueTime.ToLocal(zone.Min(v => v.StartsAtUtc), zone.Key);
            calendar.AddTimeZone(zone.Key, earliest < RulesFrom ? earliest : RulesFrom, includeHistoricalData: false);
        }

        var stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), CalDateTime.UtcTzId);
        foreach (var visit in visits)
        {
            calendar.Events.Add(
                new CalendarEvent
                {
                    Uid = Uid(visit.Id),
                    Sequence = visit.Version,
                    DtStamp = stamp,
                    DtStart = VenueDateTime(visit.StartsAtUtc, visit.TimeZoneId),
                    DtEnd = VenueDateTime(visit.EndsAtUtc, visit.TimeZoneId),
                    Summary = text["Ics.Summary", visit.Organization],
                    Location = visit.Venue,
                    Description = Describe(visit, text),
                    Status = visit.Status switch
                    {
                        VisitStatus.Requested => EventStatus.Tentative,
                        VisitStatus.Cancelled => EventStatus.Cancelled,
                        _ => EventStatus.Confirmed,
                    },
                    Transparency =
                        visit.Status == VisitStatus.Cancelled ? TransparencyType.Transparent : TransparencyType.Opaque,
                    Url = portalRoot is null
                        ? null
                        : new Uri(portalRoot, "Visits/Details/" + visit.Id.ToString(CultureInfo.InvariantCulture)),
                }
            );
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string FileName(int visitId) => $"visit-{visitId.ToString(CultureInfo.InvariantCulture)}.ics";

    public static string Uid(int visitId) => $"visit-{visitId.ToString(CultureInfo.InvariantCulture)}@wego-portal";

    private static CalDateTime VenueDateTime(DateTime utc, string timeZoneId) =>
        new(DateTime.SpecifyKind(VenueTime.ToLocal(utc, timeZoneId), DateTimeKind.Unspecified), timeZoneId);

    private static string Describe(VisitEvent visit, IStringLocalizer text)
    {
        var description = new StringBuilder();
        if (visit.Status == VisitStatus.Cancelled)
        {
            description.AppendLine(text["Ics.Cancelled", visit.CancellationReason ?? ""]);
            description.AppendLine();
        }

        description.AppendLine(text["Ics.Purpose", visit.Purpose]);
        if (visit.HeadOfDelegation is not null)
        {
            description.AppendLine(
                text[
                    "Ics.HeadOfDelegation",
                    visit.HeadOfDelegationTitle is null
                        ? visit.HeadOfDelegation
                        : $"{visit.HeadOfDelegation}, {visit.HeadOfDelegationTitle}"
                ]
            );
        }

        description.AppendLine(text["Ics.Headcount", visit.Headcount]);
        if (visit.Hosts.Count > 0)
        {
            description.AppendLine(
                text[
                    "Ics.Hosts",
                    string.Join("; ", visit.Hosts.Select(h => h.Title is null ? h.Name : $"{h.Name}, {h.Title}"))
                ]
            );
        }

        if (visit.Agenda.Count > 0)
        {
            description.AppendLine();
            description.AppendLine(text["Ics.Agenda"]);
            foreach (var item in visit.Agenda)
            {
                var time = item.StartsAt is { } start
                    ? start.ToString("HH:mm", CultureInfo.InvariantCulture)
                        + (item.EndsAt is { } end ? "-" + end.ToString("HH:mm", CultureInfo.InvariantCulture) : "")
                        + " "
                    : "";
                description.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"{time}{item.Title}{(item.Speaker is null ? "" : " (" + item.Speaker + ")")}"
                );
            }
        }

        // iCalendar lines end in CRLF on the wire; inside a text value a line break is an escaped \n.
        return description.ToString().TrimEnd().ReplaceLineEndings("\n");
    }
}
