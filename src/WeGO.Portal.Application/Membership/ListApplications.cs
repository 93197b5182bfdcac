using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>The Secretariat's queue of applications: those waiting for its check first, then those returned to the
/// applicant, then those waiting for the Committee, then the decided; each group oldest first, so none waits
/// unseen.</summary>
public static class ListApplications
{
    public const int PageSize = 50;

    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(ApplicationState? State = null) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(
        int Id,
        string Reference,
        string OrganizationName,
        string CountryCode,
        MembershipCategory Category,
        ApplicationState State,
        DateTime ReceivedAtUtc,
        int Documents
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var applications = db.MembershipApplications.AsNoTracking();
            if (query.State is { } state)
            {
                applications = applications.Where(a => a.State == state);
            }

            return await applications
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, o })
                .OrderBy(x =>
                    x.a.State == ApplicationState.Received ? 0
                    : x.a.State == ApplicationState.Returned ? 1
                    : x.a.State == ApplicationState.Accepted ? 2
                    : 3
                )
                .ThenBy(x => x.a.ReceivedAtUtc)
                .ThenBy(x => x.a.Id)
                .Take(PageSize)
                .Select(x => new Row(
                    x.a.Id,
                    x.a.Reference,
                    x.o.Name,
                    x.o.CountryCode,
                    x.a.Category,
                    x.a.State,
                    x.a.ReceivedAtUtc,
                    x.a.Documents.Count
                ))
                .ToListAsync(cancellationToken);
        }
    }
}
