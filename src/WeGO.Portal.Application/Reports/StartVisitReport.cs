using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>Staff start the report of a completed visit, one per visit: the participants and the topics raised
/// come from the visit, the writer is its author.</summary>
public static class StartVisitReport
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId) : ICommand<NewId>;

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock)
        : ICommandHandler<Command, NewId>
    {
        public async ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db
                .Visits.AsNoTracking()
                .Include(v => v.Organization)
                .Include(v => v.Hosts)
                .Include(v => v.Topics)
                .Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .AsSplitQuery()
                .SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken)
                ?? throw new DomainException("Visit.NotFound");
            if (await db.VisitReports.AnyAsync(r => r.VisitId == visit.Id, cancellationToken))
            {
                throw new DomainException("Report.AlreadyExists");
            }

            var report = VisitReport.ForVisit(
                visit,
                actor.UserId ?? "",
                actor.Name,
                VisitReportsForChange.CurrentLanguage(),
                clock.GetUtcNow().UtcDateTime
            );
            db.VisitReports.Add(report);
            return new NewId(report);
        }
    }
}
