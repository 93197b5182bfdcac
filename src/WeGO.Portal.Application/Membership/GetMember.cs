using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>One member of the registry: its category and status now, its office, and every change with what caused
/// it.</summary>
public static class GetMember
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(int Id) : IQuery<Details?>;

    public sealed record Details
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required int OrganizationId { get; init; }

        public required string OrganizationName { get; init; }

        public required string CountryCode { get; init; }

        public required Region Region { get; init; }

        public required MembershipCategory Category { get; init; }

        public required MemberStatus Status { get; init; }

        public required DateOnly MemberSince { get; init; }

        public required string? RegionalOffice { get; init; }

        public required IReadOnlyList<ChangeRow> Changes { get; init; }

        public bool CanSuspend => Status == MemberStatus.Active;

        public bool CanReinstate => Status == MemberStatus.Suspended;

        public bool CanWithdraw => Status != MemberStatus.Withdrawn;
    }

    public sealed record ChangeRow(
        DateOnly On,
        MembershipCategory Category,
        MemberStatus Status,
        string? Cause,
        string? Reason
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .Members.AsNoTracking()
                .Where(m => m.Id == query.Id)
                .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o })
                .Select(x => new Details
                {
                    Id = x.m.Id,
                    Version = x.m.Version,
                    OrganizationId = x.o.Id,
                    OrganizationName = x.o.Name,
                    CountryCode = x.o.CountryCode,
                    Region = x.o.Region,
                    Category = x.m.Category,
                    Status = x.m.Status,
                    MemberSince = x.m.MemberSince,
                    RegionalOffice = db
                        .RegionalOffices.Where(r => r.Id == x.m.RegionalOfficeId)
                        .Select(r => r.Name)
                        .FirstOrDefault(),
                    Changes = x
                        .m.Changes.OrderBy(c => c.On)
                        .ThenBy(c => c.Id)
                        .Select(c => new ChangeRow(c.On, c.Category, c.Status, c.Cause, c.Reason))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
    }
}
