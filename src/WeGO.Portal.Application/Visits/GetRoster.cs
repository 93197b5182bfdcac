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

    public sealed record Roster(
        int VisitId,
        string Organization,
        DateTime StartsAtUtc,
        string TimeZoneId,
        VisitStatus Status,
        int Version,
        string? HeadOfDelegation,
        string? HeadOfDelegationTitle,
        int ExpectedHeadcount,
        int Headcount,
        IReadOnlyList<Member> Members
    )
    {
        public bool CanChange => Status != VisitStatus.Cancelled;
    }

    public sealed record Member(
        int Id,
        string FullName,
        string? Title,
        string? Organization,
        DelegationRole Role,
        string? Email,
        string? DietaryNeeds,
        string? AccessibilityNeeds
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Roster?>
    {
        public async ValueTask<Roster?> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .Visits.AsNoTracking()
                .Where(v => v.Id == query.VisitId)
                .Select(v => new Roster(
                    v.Id,
                    v.Organization.Name,
                    v.StartsAtUtc,
                    v.TimeZoneId,
                    v.Status,
                    v.Version,
                    v.Delegation.HeadOfDelegation,
                    v.Delegation.HeadOfDelegationTitle,
                    v.Delegation.ExpectedHeadcount,
                    v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
                    // The head first, then everyone in the order they were entered (an imported file's order).
                    v.Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                        .ThenBy(m => m.Id)
                        .Select(m => new Member(
                            m.Id,
                            m.FullName,
                            m.Title,
                            m.Organization,
                            m.Role,
                            m.Email,
                            m.DietaryNeeds,
                            m.AccessibilityNeeds
                        ))
                        .ToList()
                ))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
