using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>Staff and directors discuss a report in its review conversation; a reply is threaded under the
/// comment it answers. Comments do not wait for the writer's version: a conversation only grows.</summary>
public static class CommentOnReport
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Command : ICommand
    {
        public int ReportId { get; init; }

        public int? ReplyToId { get; init; }

        public string Comment { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Comment).NotEmpty().MaximumLength(ReviewComment.TextMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db
                .VisitReports.Include(r => r.Comments)
                .SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
                ?? throw new DomainException("Report.NotFound");
            report.Comment(actor.Name, command.Comment, command.ReplyToId, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
