using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Everything about one visit, for its page: details, delegation, hosts, agenda, topics, follow-ups, report
/// and history.</summary>
public static class GetVisit
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int Id) : IQuery<Details?>;

    /// <summary>The visit, its facts grouped by what they describe, with its report's state; its lists (hosts,
    /// roster, agenda, topics), follow-ups and history come from their own tables.</summary>
    public sealed record Details
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required VisitStatus Status { get; init; }

        public required string? CancellationReason { get; init; }

        public required OrganizationRow Organization { get; init; }

        public required PlanRow Plan { get; init; }

        public required DelegationRow Delegation { get; init; }

        public IReadOnlyList<HostRow> Hosts { get; init; } = [];

        public IReadOnlyList<MemberRow> Roster { get; init; } = [];

        public IReadOnlyList<AgendaRow> Agenda { get; init; } = [];

        public IReadOnlyList<string> Topics { get; init; } = [];

        /// <summary>What the programme shows beyond the facts above, read in the same statement so the visit page
        /// builds its programme without reading the visit again (<see cref="VisitProgramme.Of(Details)"/>).</summary>
        public required ProgrammeFactsRow ProgrammeFacts { get; init; }

        public IReadOnlyList<FollowUpRow> FollowUps { get; init; } = [];

        public ReportRow? Report { get; init; }

        public IReadOnlyList<HistoryRow> History { get; init; } = [];

        // What the visit's state allows, by the entity's own rules (the page shows only the actions that will work).
        public bool CanEdit => Visit.CanEditIn(Status);

        public bool CanAmend => Visit.CanAmendIn(Status);

        public bool CanConfirm => Visit.CanConfirmIn(Status);

        public bool CanComplete => Visit.CanCompleteIn(Status);

        public bool CanCancel => Visit.CanCancelIn(Status);

        public bool CanReport => Visit.CanReportIn(Status);
    }

    /// <summary>The member city (or organization) that visits.</summary>
    public sealed record OrganizationRow(string Name, string? LocalName, string CountryCode, Region Region, int Id = 0);

    /// <summary>What the visit is for, where and when (times in UTC, shown in the venue's zone).</summary>
    public sealed record PlanRow(
        string Purpose,
        string Venue,
        DateTime StartsAtUtc,
        DateTime EndsAtUtc,
        string TimeZoneId
    );

    /// <summary>Who comes: the head, how many (the roster's size once there is one; the number announced; how many
    /// were checked in) and the languages they speak.</summary>
    public sealed record DelegationRow(
        string? HeadOfDelegation,
        string? HeadOfDelegationTitle,
        int? ExpectedHeadcount,
        int Headcount,
        int Arrived,
        string? Languages,
        bool InterpretationNeeded
    );

    public sealed record ReportRow(int Id, ReviewState State);

    /// <summary>The programme's own facts: the venue's address, the day's contacts, who receives the programme and
    /// what was last sent.</summary>
    public sealed record ProgrammeFactsRow(
        string? VenueAddress,
        string? DayContacts,
        string? ContactName,
        string? ContactEmail,
        string ContactLanguage,
        DateOnly? RosterDeadline,
        bool HasDelegationLink,
        string? ProgrammeSent,
        DateTime? ProgrammeSentAtUtc
    );

    /// <summary>A report's id and state, read beside the visit: each is a lookup on the report's unique visit id.
    /// </summary>
    private sealed record ReportColumns(int? Id, ReviewState? State)
    {
        public ReportRow? Row => Id is { } id && State is { } state ? new ReportRow(id, state) : null;
    }

    public sealed record HostRow(string Name, string? Title, string? StaffUserId);

    public sealed record MemberRow(string FullName, string? Title, string? Organization, DelegationRole Role);

    public sealed record AgendaRow(
        int Order,
        TimeOnly? StartsAt,
        TimeOnly? EndsAt,
        string Title,
        string? Speaker,
        string? Notes
    );

    /// <summary>One of the visit's follow-ups: what is to be done, by whom, when, and its state (overdue counted in the
    /// viewer's day).</summary>
    public sealed record FollowUpRow(
        int Id,
        int Version,
        string Description,
        string OwnerName,
        DateOnly DueOn,
        FollowUpStatus Status,
        bool IsOverdue,
        DateTime? ClosedAtUtc,
        string? ClosedBy
    );

    public sealed record HistoryRow(DateTime OccurredAtUtc, string ActorName, string Action);

    /// <summary>Which of the visit's lists a <see cref="ListLine"/> belongs to, in the order the statement returns
    /// them.</summary>
    private enum VisitList
    {
        Hosts,
        Roster,
        Agenda,
        Topics,
    }

    /// <summary>One row of the visit's lists, in the one shape the four share so they are read in one statement:
    /// <see cref="Text"/> is a host's or delegate's name, an agenda item's or topic's title; <see cref="Detail"/> a
    /// host's staff account, a delegate's organization, an agenda item's speaker.</summary>
    private sealed class ListLine
    {
        public VisitList List { get; init; }

        /// <summary>Where the line stands in its list (a host's or agenda item's order, the head of delegation first,
        /// topics as recorded); lines in the same place follow <see cref="Text"/>.</summary>
        public int Position { get; init; }

        public string Text { get; init; } = "";

        public string? Title { get; init; }

        public string? Detail { get; init; }

        public DelegationRole? Role { get; init; }

        public bool Arrived { get; init; }

        public TimeOnly? StartsAt { get; init; }

        public TimeOnly? EndsAt { get; init; }

        public string? Notes { get; init; }
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock)
        : IQueryHandler<Query, Details?>
    {
        /// <summary>The visit with its rows. This handler's queries are compiled once: the visit page runs them on
        /// every request, and building their expression trees anew each time allocated more than the rows they read
        /// (docs/decisions/0047).</summary>
        private static readonly CompiledQuery<
            Func<PortalDbContext, int, CancellationToken, Task<Details?>>
        > DetailsById = new(() =>
            EF.CompileAsyncQuery(
                (PortalDbContext db, int id, CancellationToken _) =>
                    db
                        .Visits.AsNoTracking()
                        .Where(v => v.Id == id)
                        .Select(v => new Details
                        {
                            Id = v.Id,
                            Version = v.Version,
                            Status = v.Status,
                            CancellationReason = v.CancellationReason,
                            Organization = new OrganizationRow(
                                v.Organization.Name,
                                v.Organization.LocalName,
                                v.Organization.CountryCode,
                                v.Organization.Region,
                                v.OrganizationId
                            ),
                            Plan = new PlanRow(v.Purpose, v.Venue, v.StartsAtUtc, v.EndsAtUtc, v.TimeZoneId),
                            // Headcount and arrivals are left at 0 here: the handler counts them from the roster
                            // it reads with the visit's lists.
                            Delegation = new DelegationRow(
                                v.Delegation.HeadOfDelegation,
                                v.Delegation.HeadOfDelegationTitle,
                                v.Delegation.ExpectedHeadcount == Delegation.NotAnnounced
                                    ? (int?)null
                                    : v.Delegation.ExpectedHeadcount,
                                0,
                                0,
                                v.Languages,
                                v.InterpretationNeeded
                            ),
                            ProgrammeFacts = new ProgrammeFactsRow(
                                v.VenueAddress,
                                v.DayContacts,
                                v.Delegation.ContactName,
                                v.Delegation.ContactEmail,
                                v.Delegation.ContactLanguage,
                                v.Delegation.RosterDeadline,
                                v.Delegation.LinkTokenHash != null,
                                v.Delegation.ProgrammeSent,
                                v.Delegation.ProgrammeSentAtUtc
                            ),
                            Report = new ReportColumns(
                                db.VisitReports.Where(r => r.VisitId == v.Id).Select(r => (int?)r.Id).FirstOrDefault(),
                                db.VisitReports.Where(r => r.VisitId == v.Id)
                                    .Select(r => (ReviewState?)r.State)
                                    .FirstOrDefault()
                            ).Row,
                        })
                        .SingleOrDefault()
            )
        );

        /// <summary>The visit's hosts, roster, agenda and topics in one statement, each list in the order it is shown.
        /// Read as four collections of the visit's query, they were four statements each repeating the visit's joins,
        /// and SQLite compiles every statement anew: that compiling was most of the page's time in SQLite
        /// (docs/decisions/0053). The roster comes first: a union's column takes its type from the first branch, and
        /// only the roster has a role (stored as its name) where the others have none.</summary>
        private static readonly CompiledQuery<Func<PortalDbContext, int, IAsyncEnumerable<ListLine>>> ListsOf = new(
            () =>
                EF.CompileAsyncQuery<PortalDbContext, int, ListLine>(
                    (PortalDbContext db, int id) =>
                        db.Set<Delegation>()
                            .Where(d => d.VisitId == id)
                            .SelectMany(d => d.Members)
                            .Select(m => new ListLine
                            {
                                List = VisitList.Roster,
                                Position = m.Role == DelegationRole.HeadOfDelegation ? 0 : 1,
                                Text = m.FullName,
                                Title = m.Title,
                                Detail = m.Organization,
                                Role = m.Role,
                                Arrived = m.ArrivedAtUtc != null,
                                StartsAt = null,
                                EndsAt = null,
                                Notes = null,
                            })
                            .Concat(
                                db.Set<VisitHost>()
                                    .Where(h => EF.Property<int>(h, "VisitId") == id)
                                    .Select(h => new ListLine
                                    {
                                        List = VisitList.Hosts,
                                        Position = h.Order,
                                        Text = h.Name,
                                        Title = h.Title,
                                        Detail = h.StaffUserId,
                                        Role = null,
                                        Arrived = false,
                                        StartsAt = null,
                                        EndsAt = null,
                                        Notes = null,
                                    })
                            )
                            .Concat(
                                db.Set<AgendaItem>()
                                    .Where(a => EF.Property<int>(a, "VisitId") == id)
                                    .Select(a => new ListLine
                                    {
                                        List = VisitList.Agenda,
                                        Position = a.Order,
                                        Text = a.Title,
                                        Title = null,
                                        Detail = a.Speaker,
                                        Role = null,
                                        Arrived = false,
                                        StartsAt = a.StartsAt,
                                        EndsAt = a.EndsAt,
                                        Notes = a.Notes,
                                    })
                            )
                            .Concat(
                                db.Set<TopicOfInterest>()
                                    .Where(t => EF.Property<int>(t, "VisitId") == id)
                                    .Select(t => new ListLine
                                    {
                                        List = VisitList.Topics,
                                        Position = t.Id,
                                        Text = t.Title,
                                        Title = null,
                                        Detail = null,
                                        Role = null,
                                        Arrived = false,
                                        StartsAt = null,
                                        EndsAt = null,
                                        Notes = null,
                                    })
                            )
                            .OrderBy(l => l.List)
                            .ThenBy(l => l.Position)
                            .ThenBy(l => l.Text)
                )
        );

        /// <summary>The visit's follow-ups, soonest due first. They all belong to this visit, so they are read without
        /// the visit and city that the follow-up lists join to each (<see cref="FollowUpView"/>).</summary>
        private static readonly CompiledQuery<
            Func<PortalDbContext, int, DateOnly, IAsyncEnumerable<FollowUpRow>>
        > FollowUpsOf = new(() =>
            EF.CompileAsyncQuery(
                (PortalDbContext db, int id, DateOnly today) =>
                    db
                        .FollowUps.AsNoTracking()
                        .Where(f => f.VisitId == id)
                        .OrderBy(f => f.DueOn)
                        .ThenBy(f => f.Id)
                        // Overdue is the entity's own rule, asked in C# of the row as it is read.
                        .Select(f => new FollowUpRow(
                            f.Id,
                            f.Version,
                            f.Description,
                            f.OwnerName,
                            f.DueOn,
                            f.Status,
                            FollowUp.IsOverdueIn(f.Status, f.DueOn, today),
                            f.ClosedAtUtc,
                            f.ClosedBy
                        ))
            )
        );

        /// <summary>The visit's last hundred audit entries, newest first.</summary>
        private static readonly CompiledQuery<Func<PortalDbContext, string, IAsyncEnumerable<HistoryRow>>> HistoryOf =
            new(() =>
                EF.CompileAsyncQuery(
                    (PortalDbContext db, string id) =>
                        db
                            .AuditEntries.AsNoTracking()
                            .Where(a => a.EntityType == nameof(Visit) && a.EntityId == id)
                            .OrderByDescending(a => a.OccurredAtUtc)
                            .ThenByDescending(a => a.Id)
                            .Take(100)
                            .Select(a => new HistoryRow(a.OccurredAtUtc, a.ActorName, a.Action))
                )
            );

        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            // The page's four statements share one connection: opened and closed around each, the pool's bookkeeping
            // cost more than reading a small visit's lists.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await ReadAsync(query.Id, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<Details?> ReadAsync(int visitId, CancellationToken cancellationToken)
        {
            var details = await DetailsById.For(db)(db, visitId, cancellationToken);
            if (details is null)
            {
                return null;
            }

            var hosts = new List<HostRow>();
            var roster = new List<MemberRow>();
            var agenda = new List<AgendaRow>();
            var topics = new List<string>();
            var arrived = 0;
            await foreach (var line in ListsOf.For(db)(db, visitId).WithCancellation(cancellationToken))
            {
                switch (line.List)
                {
                    case VisitList.Hosts:
                        hosts.Add(new HostRow(line.Text, line.Title, line.Detail));
                        break;
                    case VisitList.Roster:
                        roster.Add(new MemberRow(line.Text, line.Title, line.Detail, line.Role!.Value));
                        arrived += line.Arrived ? 1 : 0;
                        break;
                    case VisitList.Agenda:
                        agenda.Add(
                            new AgendaRow(line.Position, line.StartsAt, line.EndsAt, line.Text, line.Detail, line.Notes)
                        );
                        break;
                    default:
                        topics.Add(line.Text);
                        break;
                }
            }

            var today = LocalDays.Today(clock, actor.TimeZoneId);
            var followUps = new List<FollowUpRow>();
            await foreach (var row in FollowUpsOf.For(db)(db, visitId, today).WithCancellation(cancellationToken))
            {
                followUps.Add(row);
            }

            var id = visitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var history = new List<HistoryRow>();
            await foreach (var row in HistoryOf.For(db)(db, id).WithCancellation(cancellationToken))
            {
                history.Add(row);
            }

            return details with
            {
                Delegation = details.Delegation with
                {
                    Headcount = Delegation.HeadcountOf(
                        roster.Count,
                        details.Delegation.ExpectedHeadcount ?? Delegation.NotAnnounced
                    ),
                    Arrived = arrived,
                },
                Hosts = hosts,
                Roster = roster,
                Agenda = agenda,
                Topics = topics,
                FollowUps = followUps,
                History = history,
            };
        }
    }
}
