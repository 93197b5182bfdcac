using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>What changed in a programme since it was sent.</summary>
public enum ProgrammeChange
{
    /// <summary>The date, the times or the time zone.</summary>
    Time,

    /// <summary>The venue or its address.</summary>
    Venue,

    Agenda,

    DayContacts,
}

/// <summary>The programme a delegation receives: one model, read by one projection, for the mail
/// (<see cref="SendProgramme"/>), the delegation page (<see cref="GetDelegationPage"/>) and the staff's view of what
/// was sent (<see cref="GetProgramme"/>).</summary>
public static class VisitProgramme
{
    public sealed record Programme
    {
        public required int VisitId { get; init; }

        public required int Version { get; init; }

        public required VisitStatus Status { get; init; }

        public required string Organization { get; init; }

        public required string Purpose { get; init; }

        public required string Venue { get; init; }

        public required string? VenueAddress { get; init; }

        public required string? DayContacts { get; init; }

        public required string TimeZoneId { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required DateTime EndsAtUtc { get; init; }

        public required IReadOnlyList<GetVisit.AgendaRow> Agenda { get; init; }

        public required string? ContactName { get; init; }

        public required string? ContactEmail { get; init; }

        public required string ContactLanguage { get; init; }

        public required DateOnly? RosterDeadline { get; init; }

        public required bool HasDelegationLink { get; init; }

        public required string? ProgrammeSent { get; init; }

        public required DateTime? ProgrammeSentAtUtc { get; init; }

        public DateTime StartsAtLocal => VenueTime.ToLocal(StartsAtUtc, TimeZoneId);

        public DateTime EndsAtLocal => VenueTime.ToLocal(EndsAtUtc, TimeZoneId);

        public DateTime RosterClosesAtUtc => Visit.RosterClosesAt(RosterDeadline, StartsAtUtc, TimeZoneId);

        /// <summary>The venue's zone by its name and its offset on the day ("Asia/Seoul, UTC+09:00").</summary>
        public string ZoneName
        {
            get
            {
                var offset = VenueTime.Zone(TimeZoneId).GetUtcOffset(StartsAtUtc);
                var sign = offset < TimeSpan.Zero ? "-" : "+";
                return $"{TimeZoneId}, UTC{sign}{offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
            }
        }

        /// <summary>An OpenStreetMap search for the address (the venue's name when it has none).</summary>
        public Uri MapLink =>
            new("https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(VenueAddress ?? Venue));

        /// <summary>The date and times in the venue's zone, written in <paramref name="culture"/>, with the zone
        /// named.</summary>
        public string When(CultureInfo culture) =>
            string.Create(
                culture,
                $"{StartsAtLocal.ToString("D", culture)}, {StartsAtLocal:t}–{EndsAtLocal:t} ({ZoneName})"
            );

        /// <summary>What differs from the programme last sent; empty when nothing was sent.</summary>
        public IReadOnlyList<ProgrammeChange> ChangesSinceSent => Changes(ProgrammeSent, this);
    }

    public static IQueryable<Programme> Project(IQueryable<Visit> visits) => visits.Select(Projection);

    /// <summary>A visit's programme as a projection, for queries compiled once (<see cref="GetProgramme"/>).</summary>
    public static readonly Expression<Func<Visit, Programme>> Projection = v => new Programme
    {
        VisitId = v.Id,
        Version = v.Version,
        Status = v.Status,
        Organization = v.Organization.Name,
        Purpose = v.Purpose,
        Venue = v.Venue,
        VenueAddress = v.VenueAddress,
        DayContacts = v.DayContacts,
        TimeZoneId = v.TimeZoneId,
        StartsAtUtc = v.StartsAtUtc,
        EndsAtUtc = v.EndsAtUtc,
        Agenda = v
            .Agenda.OrderBy(a => a.Order)
            .Select(a => new GetVisit.AgendaRow(a.Order, a.StartsAt, a.EndsAt, a.Title, a.Speaker, a.Notes))
            .ToList(),
        ContactName = v.Delegation.ContactName,
        ContactEmail = v.Delegation.ContactEmail,
        ContactLanguage = v.Delegation.ContactLanguage,
        RosterDeadline = v.Delegation.RosterDeadline,
        HasDelegationLink = v.Delegation.LinkTokenHash != null,
        ProgrammeSent = v.Delegation.ProgrammeSent,
        ProgrammeSentAtUtc = v.Delegation.ProgrammeSentAtUtc,
    };

    /// <summary>The programme of a visit already read for its page: the same fields as <see cref="Projection"/>,
    /// without reading the visit a second time. <c>VisitProgrammeTests</c> checks that the two agree.</summary>
    public static Programme Of(GetVisit.Details visit) =>
        new()
        {
            VisitId = visit.Id,
            Version = visit.Version,
            Status = visit.Status,
            Organization = visit.Organization.Name,
            Purpose = visit.Plan.Purpose,
            Venue = visit.Plan.Venue,
            VenueAddress = visit.ProgrammeFacts.VenueAddress,
            DayContacts = visit.ProgrammeFacts.DayContacts,
            TimeZoneId = visit.Plan.TimeZoneId,
            StartsAtUtc = visit.Plan.StartsAtUtc,
            EndsAtUtc = visit.Plan.EndsAtUtc,
            Agenda = visit.Agenda,
            ContactName = visit.ProgrammeFacts.ContactName,
            ContactEmail = visit.ProgrammeFacts.ContactEmail,
            ContactLanguage = visit.ProgrammeFacts.ContactLanguage,
            RosterDeadline = visit.ProgrammeFacts.RosterDeadline,
            HasDelegationLink = visit.ProgrammeFacts.HasDelegationLink,
            ProgrammeSent = visit.ProgrammeFacts.ProgrammeSent,
            ProgrammeSentAtUtc = visit.ProgrammeFacts.ProgrammeSentAtUtc,
        };

    /// <summary>The canonical text of what a delegation was told (kept by <see cref="Visit.RecordProgrammeSent"/>):
    /// the same programme always gives the same text, so comparing two tells whether anything changed.</summary>
    public static string Snapshot(Programme programme) =>
        JsonSerializer.Serialize(SentProgramme.Of(programme), SnapshotOptions);

    /// <summary>What differs between the programme sent (its <see cref="Snapshot"/>) and <paramref name="current"/>.
    /// </summary>
    public static IReadOnlyList<ProgrammeChange> Changes(string? sent, Programme current)
    {
        if (sent is null || JsonSerializer.Deserialize<SentProgramme>(sent, SnapshotOptions) is not { } before)
        {
            return [];
        }

        var now = SentProgramme.Of(current);
        var changes = new List<ProgrammeChange>();
        if (
            (before.Date, before.Starts, before.Ends, before.TimeZone) != (now.Date, now.Starts, now.Ends, now.TimeZone)
        )
        {
            changes.Add(ProgrammeChange.Time);
        }

        if ((before.Venue, before.Address) != (now.Venue, now.Address))
        {
            changes.Add(ProgrammeChange.Venue);
        }

        if (!before.Agenda.SequenceEqual(now.Agenda))
        {
            changes.Add(ProgrammeChange.Agenda);
        }

        if (before.DayContacts != now.DayContacts)
        {
            changes.Add(ProgrammeChange.DayContacts);
        }

        return changes;
    }

    /// <summary>The programme mail in the contact's language: the date and times in the venue's zone, the venue with
    /// its map link, the agenda, the contacts on the day and the delegation page's link; with what changed first when
    /// it updates an earlier one.</summary>
    public static (string Subject, string Body) Mail(
        Programme programme,
        Uri delegationPage,
        IReadOnlyList<ProgrammeChange> changes,
        bool replacesEarlierLink
    )
    {
        var language = programme.ContactLanguage;
        var culture = Dates.Culture(language);
        var changed =
            changes.Count == 0
                ? ""
                : Emails.Text(
                    "Programme.Changed",
                    language,
                    VenueTime.ToLocal(programme.ProgrammeSentAtUtc ?? programme.StartsAtUtc, programme.TimeZoneId),
                    string.Join(", ", changes.Select(c => Emails.Text("Programme.Change." + c, language)))
                ) + "\n\n";
        var agenda =
            programme.Agenda.Count == 0
                ? Emails.Text("Programme.NoAgenda", language)
                : string.Join("\n", programme.Agenda.Select(item => AgendaLine(item, culture)));
        var rosterUntil =
            programme.RosterDeadline is { } deadline && programme.RosterClosesAtUtc < programme.StartsAtUtc
                ? deadline.ToString("D", culture)
                : Emails.Text("Programme.RosterUntilStart", language);
        var args = new object?[]
        {
            programme.ContactName,
            programme.Organization,
            changed,
            programme.When(culture),
            programme.VenueAddress is null ? programme.Venue : $"{programme.Venue}\n{programme.VenueAddress}",
            programme.MapLink.AbsoluteUri,
            agenda,
            programme.DayContacts ?? Emails.Text("Programme.NoDayContacts", language),
            rosterUntil,
            delegationPage,
            replacesEarlierLink ? Emails.Text("Programme.LinkReplaced", language) + "\n\n" : "",
            Emails.Text("Signature", language),
        };
        var subject = Emails.Text(
            changes.Count == 0 ? "Programme.Subject" : "Programme.Updated.Subject",
            language,
            args
        );
        return (subject, Emails.Text("Programme.Body", language, args));
    }

    private static string AgendaLine(GetVisit.AgendaRow item, CultureInfo culture)
    {
        var line = new StringBuilder();
        if (item.StartsAt is { } start)
        {
            line.Append(start.ToString("t", culture));
            if (item.EndsAt is { } end)
            {
                line.Append('–').Append(end.ToString("t", culture));
            }

            line.Append("  ");
        }

        line.Append(item.Title);
        if (item.Speaker is not null)
        {
            line.Append(" (").Append(item.Speaker).Append(')');
        }

        return "- " + line;
    }

    private static readonly JsonSerializerOptions SnapshotOptions = new() { WriteIndented = false };

    /// <summary>The programme as the snapshot keeps it: venue-local date and times in ISO form, so a snapshot reads
    /// the same whatever the machine's culture.</summary>
    private sealed record SentProgramme(
        string Date,
        string Starts,
        string Ends,
        string TimeZone,
        string Venue,
        string? Address,
        string? DayContacts,
        IReadOnlyList<SentAgendaItem> Agenda
    )
    {
        public static SentProgramme Of(Programme p) =>
            new(
                p.StartsAtLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.StartsAtLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
                p.EndsAtLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
                p.TimeZoneId,
                p.Venue,
                p.VenueAddress,
                p.DayContacts,
                [
                    .. p.Agenda.Select(a => new SentAgendaItem(
                        a.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                        a.EndsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
                        a.Title,
                        a.Speaker
                    )),
                ]
            );
    }

    private sealed record SentAgendaItem(string? Starts, string? Ends, string Title, string? Speaker);
}
