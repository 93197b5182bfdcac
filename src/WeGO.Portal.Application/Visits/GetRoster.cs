using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>A visit's delegation roster, for the roster page: whose visit, its version (for the forms), and every
/// delegate's details.</summary>
public static class GetRoster
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int VisitId) : IQuery<Roster?>;

    public sealed record Roster
    {
        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus Status { get; init; }

        public required int Version { get; init; }

        public required string? HeadOfDelegation { get; init; }

        public required string? HeadOfDelegationTitle { get; init; }

        public required int ExpectedHeadcount { get; init; }

        public required int Headcount { get; init; }

        public required IReadOnlyList<Member> Members { get; init; }

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

        public required string? DietaryNeeds { get; init; }

        public required string? AccessibilityNeeds { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Roster?>
    {
        public async ValueTask<Roster?> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .Visits.AsNoTracking()
                .Where(v => v.Id == query.VisitId)
                .Select(v => new Roster
                {
                    VisitId = v.Id,
                    Organization = v.Organization.Name,
                    StartsAtUtc = v.StartsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    Status = v.Status,
                    Version = v.Version,
                    HeadOfDelegation = v.Delegation.HeadOfDelegation,
                    HeadOfDelegationTitle = v.Delegation.HeadOfDelegationTitle,
                    ExpectedHeadcount = v.Delegation.ExpectedHeadcount,
                    Headcount =
                        v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
                    // The head first, then everyone in the order they were entered (an imported file's order).
                    Members = v
                        .Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                        .ThenBy(m => m.Id)
                        .Select(m => new Member
                        {
                            Id = m.Id,
                            FullName = m.FullName,
                            Title = m.Title,
                            Organization = m.Organization,
                            Role = m.Role,
                            Email = m.Email,
                            DietaryNeeds = m.DietaryNeeds,
                            AccessibilityNeeds = m.AccessibilityNeeds,
                        })
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
    }
}
