using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The delegation page at the contact's private link: the programme as the mail gave it, and the roster,
/// which the contact may change until the deadline. A token that names no visit, a cancelled visit's, or one
/// <see cref="DelegationSettings.LinkDaysAfterVisit"/> days past the visit all answer nothing alike.</summary>
public static class GetDelegationPage
{
    [Public]
    public sealed record Query(string? Token) : IQuery<Page?>;

    public sealed record Page(VisitProgramme.Programme Programme, IReadOnlyList<Member> Roster, bool RosterOpen);

    /// <summary>A delegate as the contact entered them (the needs too: the contact wrote them and may correct
    /// them).</summary>
    public sealed record Member : IDelegateDetails
    {
        public required int Id { get; init; }

        public required string? Honorific { get; init; }

        public required string FullName { get; init; }

        public required string? Title { get; init; }

        public required string? Organization { get; init; }

        public required DelegationRole Role { get; init; }

        public required string? Email { get; init; }

        public required string? InterpretationNeeds { get; init; }

        public required string? DietaryNeeds { get; init; }

        public required string? AccessibilityNeeds { get; init; }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<DelegationSettings> settings)
        : IQueryHandler<Query, Page?>
    {
        public async ValueTask<Page?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!PrivateLinks.IsWellFormed(query.Token))
            {
                return null;
            }

            var hash = PrivateLinks.HashStatusToken(query.Token!);
            var visits = db.Visits.AsNoTracking().Where(v => v.Delegation.LinkTokenHash == hash);
            var programme = await VisitProgramme.Project(visits).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var afterVisit = TimeSpan.FromDays(settings.Value.LinkDaysAfterVisit);
            if (
                programme is null
                || !Visit.IsDelegationLinkOpenIn(programme.Status, programme.EndsAtUtc, now, afterVisit)
            )
            {
                return null;
            }

            var roster = await visits
                .SelectMany(v => v.Delegation.Members)
                .OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                .ThenBy(m => m.Precedence)
                .ThenBy(m => m.Id)
                .Select(m => new Member
                {
                    Id = m.Id,
                    Honorific = m.Honorific,
                    FullName = m.FullName,
                    Title = m.Title,
                    Organization = m.Organization,
                    Role = m.Role,
                    Email = m.Email,
                    InterpretationNeeds = m.InterpretationNeeds,
                    DietaryNeeds = m.DietaryNeeds,
                    AccessibilityNeeds = m.AccessibilityNeeds,
                })
                .ToListAsync(cancellationToken);
            var open = Visit.IsRosterOpenToDelegationIn(programme.Status, programme.RosterClosesAtUtc, now);
            return new Page(programme, roster, open);
        }
    }
}
