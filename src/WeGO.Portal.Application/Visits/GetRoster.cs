using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>A visit's delegation roster in the order of precedence, for the roster page, the printed badges and place
/// cards and check-in: whose visit, its version (for the forms), every delegate's details and arrival.</summary>
/// <remarks>The delegates' dietary and accessibility needs are health data: only the roles that prepare the visit
/// (<see cref="RoleGroup.EditVisits"/>) receive them, and each time they do the visit's history records who looked
/// (<see cref="NeedsViewed"/>). That record is a write, so this read is sent as a command (one unit of
/// work).</remarks>
public static class GetRoster
{
    /// <summary>The action the history shows for a view of the needs.</summary>
    public const string NeedsViewed = "NeedsViewed";

    /// <param name="WithNeeds">False for pages that never show the needs (badges, place cards, check-in): nothing
    /// is read or recorded.</param>
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int VisitId, bool WithNeeds = true) : ICommand<Roster?>;

    public sealed record Roster
    {
        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required DateTime EndsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus Status { get; init; }

        public required int Version { get; init; }

        public required string? HeadOfDelegation { get; init; }

        public required string? HeadOfDelegationTitle { get; init; }

        public required int ExpectedHeadcount { get; init; }

        public required int Headcount { get; init; }

        /// <summary>In the order of precedence: the head of delegation first.</summary>
        public required IReadOnlyList<Member> Members { get; init; }

        /// <summary>Whether <see cref="Member.DietaryNeeds"/> and <see cref="Member.AccessibilityNeeds"/> were read
        /// for this reader (otherwise they are null whatever the roster holds).</summary>
        public bool NeedsShown { get; init; }

        public DateTime? NeedsErasedAtUtc { get; init; }

        /// <summary>When the retention run deletes the needs, or null when they are kept for ever.</summary>
        public DateTime? NeedsErasedAfterUtc { get; init; }

        public int ArrivedCount => Members.Count(m => m.ArrivedAtUtc is not null);

        public bool CanAmend => Visit.CanAmendIn(Status);
    }

    public sealed record Member
    {
        public required int Id { get; init; }

        public required string FullName { get; init; }

        public required string? Title { get; init; }

        public required string? Organization { get; init; }

        public required DelegationRole Role { get; init; }

        public required string? Email { get; init; }

        public string? DietaryNeeds { get; init; }

        public string? AccessibilityNeeds { get; init; }

        public string? Honorific { get; init; }

        public string? InterpretationNeeds { get; init; }

        public DateTime? ArrivedAtUtc { get; init; }

        /// <summary>As badges print it: the honorific, then the name (see
        /// <see cref="DelegationMember.AddressedAs"/>).</summary>
        public string AddressedAs => Honorific is null ? FullName : $"{Honorific} {FullName}";
    }

    /// <summary>Whether <paramref name="actor"/> prepares visits, and so may read the delegates' needs.</summary>
    public static bool MaySeeNeeds(ICurrentActor actor) =>
        !actor.IsSystem && UseCaseAccess.RolesIn(RoleGroup.EditVisits).Any(actor.IsInRole);

    public sealed class Handler(
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock,
        IOptions<DelegationSettings> settings
    ) : ICommandHandler<Query, Roster?>
    {
        public async ValueTask<Roster?> Handle(Query query, CancellationToken cancellationToken)
        {
            var withNeeds = query.WithNeeds && MaySeeNeeds(actor);
            var roster = await db
                .Visits.AsNoTracking()
                .Where(v => v.Id == query.VisitId)
                .Select(v => new Roster
                {
                    VisitId = v.Id,
                    Organization = v.Organization.Name,
                    StartsAtUtc = v.StartsAtUtc,
                    EndsAtUtc = v.EndsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    Status = v.Status,
                    Version = v.Version,
                    HeadOfDelegation = v.Delegation.HeadOfDelegation,
                    HeadOfDelegationTitle = v.Delegation.HeadOfDelegationTitle,
                    ExpectedHeadcount = v.Delegation.ExpectedHeadcount,
                    Headcount = Delegation.HeadcountOf(v.Delegation.Members.Count, v.Delegation.ExpectedHeadcount),
                    NeedsShown = withNeeds,
                    NeedsErasedAtUtc = v.Delegation.NeedsErasedAtUtc,
                    // Delegation.InPrecedence, in SQL.
                    Members = v
                        .Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                        .ThenBy(m => m.Precedence)
                        .ThenBy(m => m.Id)
                        .Select(m => new Member
                        {
                            Id = m.Id,
                            FullName = m.FullName,
                            Title = m.Title,
                            Organization = m.Organization,
                            Role = m.Role,
                            Email = m.Email,
                            DietaryNeeds = withNeeds ? m.DietaryNeeds : null,
                            AccessibilityNeeds = withNeeds ? m.AccessibilityNeeds : null,
                            Honorific = m.Honorific,
                            InterpretationNeeds = m.InterpretationNeeds,
                            ArrivedAtUtc = m.ArrivedAtUtc,
                        })
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (roster is null)
            {
                return null;
            }

            if (roster.Members.Any(m => m.DietaryNeeds is not null || m.AccessibilityNeeds is not null))
            {
                RecordNeedsViewed(roster.VisitId);
            }

            var days = settings.Value.NeedsRetentionDays;
            return roster with { NeedsErasedAfterUtc = days > 0 ? roster.EndsAtUtc.AddDays(days) : null };
        }

        private void RecordNeedsViewed(int visitId) =>
            db.AuditEntries.Add(
                new AuditEntry(
                    clock.GetUtcNow().UtcDateTime,
                    actor.UserId,
                    actor.Name,
                    nameof(Visit),
                    visitId.ToString(CultureInfo.InvariantCulture),
                    NeedsViewed,
                    "{}"
                )
            );
    }
}
