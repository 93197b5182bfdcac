using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Reports;

/// <summary>Staff send the report to the program directors for review; the report as sent is kept as a
/// version.</summary>
public static class SubmitVisitReport
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int ReportId, int Version) : ICommand<SavedVisitReport>;

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock)
        : ICommandHandler<Command, SavedVisitReport>
    {
        public async ValueTask<SavedVisitReport> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db.LoadReportForChangeAsync(command.ReportId, command.Version, cancellationToken);
            report.Submit(
                actor.UserId ?? "",
                actor.Name,
                VisitReportsForChange.CurrentLanguage(),
                clock.GetUtcNow().UtcDateTime
            );
            return new SavedVisitReport(report);
        }
    }
}
