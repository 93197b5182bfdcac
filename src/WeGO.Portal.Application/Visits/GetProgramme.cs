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
        /// <summary>Compiled once: the visit page asks for the programme on every request (docs/decisions/0047).
        /// </summary>
        private static readonly CompiledQuery<
            Func<PortalDbContext, int, CancellationToken, Task<VisitProgramme.Programme?>>
        > ById = new(() =>
            EF.CompileAsyncQuery(
                (PortalDbContext db, int id, CancellationToken _) =>
                    db
                        .Visits.AsNoTracking()
                        .Where(v => v.Id == id)
                        .Select(VisitProgramme.Projection)
                        .AsSplitQuery()
                        .SingleOrDefault()
            )
        );

        public async ValueTask<VisitProgramme.Programme?> Handle(Query query, CancellationToken cancellationToken) =>
            await ById.For(db)(db, query.VisitId, cancellationToken);
    }
}
