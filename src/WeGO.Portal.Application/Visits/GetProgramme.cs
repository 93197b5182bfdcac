using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>A visit's programme for staff: what the delegation is told, who receives it, the roster deadline, and
/// what changed since it was last sent.</summary>
public static class GetProgramme
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int VisitId) : IQuery<VisitProgramme.Programme?>;

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, VisitProgramme.Programme?>
    {
        public async ValueTask<VisitProgramme.Programme?> Handle(Query query, CancellationToken cancellationToken) =>
            await VisitProgramme
                .Project(db.Visits.AsNoTracking().Where(v => v.Id == query.VisitId))
                .AsSplitQuery()
                .SingleOrDefaultAsync(cancellationToken);
    }
}
