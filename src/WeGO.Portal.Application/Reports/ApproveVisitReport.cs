using Mediator;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Reports;

/// <summary>A program director approves a submitted report: it becomes read-only, the approved text is kept as a
/// version, and the author is told by mail. Its author may not approve it unless <see cref="ReportSettings"/> says a
/// one-person office may.</summary>
public static class ApproveVisitReport
{
    public const string Mail = "ReportApproved";

    [AllowedTo(RoleGroup.ReviewReports)]
    public sealed record Command(int ReportId, int Version) : ICommand;

    public sealed class Handler(
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock,
        IOptions<MailSettings> mail,
        IOptions<ReportSettings> settings
    ) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db.LoadReportForChangeAsync(command.ReportId, command.Version, cancellationToken);
            if (!settings.Value.MayApprove(report.AuthorId, actor.UserId))
            {
                throw new Domain.Common.DomainException("Report.OwnApproval");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            report.Approve(actor.Name, now);
            await ReportDecisionMails.WriteAsync(
                db,
                mail.Value,
                report,
                Mail,
                actor.Name,
                null,
                now,
                cancellationToken
            );
            return Unit.Value;
        }
    }
}
