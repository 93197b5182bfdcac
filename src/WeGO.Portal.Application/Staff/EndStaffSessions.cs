using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Staff;

/// <summary>Ends one session of a user, or all of them ("sign out everywhere"): their cookies are refused from their
/// next request, on every instance within <see cref="OpenSessions.RecheckInterval"/>. An administrator does it for any
/// account; a user does it for their own (the declaration below, whatever the page). The security stamp is left alone,
/// so calendar-feed addresses keep working.</summary>
public static class EndStaffSessions
{
    /// <param name="SessionId">The one session to end; all of the user's when null.</param>
    [AllowedTo(RoleGroup.Administration, OrOwnAccount = true)]
    public sealed record Command(string UserId, string? SessionId = null) : ICommand, IAboutOneAccount;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            // Null ends them all; a form that names no session ends none.
            RuleFor(c => c.SessionId)
                .NotEmpty()
                .MaximumLength(StaffSession.IdLength)
                .When(c => c.SessionId is not null);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var open = await db
                .StaffSessions.Where(s =>
                    s.UserId == command.UserId
                    && s.EndedAtUtc == null
                    && (command.SessionId == null || s.Id == command.SessionId)
                )
                .ToListAsync(cancellationToken);
            foreach (var session in open)
            {
                session.End(now);
            }

            StaffAccounts.Audit(
                db,
                actor,
                clock,
                command.UserId,
                command.SessionId is null ? "AllSessionsEnded" : "SessionEnded",
                new { sessions = open.Count }
            );
            return Unit.Value;
        }
    }
}
