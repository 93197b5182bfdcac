using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Staff;

/// <summary>A staff member chooses the zone they read times in (decision 0034): lists, history, the dashboard and the
/// calendar show times in it. An administrator may set it for a colleague; the page then refreshes the holder's
/// sign-in, which carries it.</summary>
public static class ChooseTimeZone
{
    [AllowedTo(RoleGroup.Administration, OrOwnAccount = true)]
    public sealed record Command : ICommand, IAboutOneAccount
    {
        public string UserId { get; init; } = "";

        public string TimeZoneId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.TimeZoneId)
                .NotEmpty()
                .MaximumLength(VenueTime.ZoneIdMaxLength)
                .Must(StaffUser.IsKnownZone)
                .WithMessage(c => messages["Visit.TimeZoneUnknown", c.TimeZoneId]);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
                ?? throw new DomainException("Staff.NotFound");
            var before = user.TimeZoneId;
            user.TimeZoneId = command.TimeZoneId;
            StaffAccounts.Audit(
                db,
                actor,
                clock,
                user.Id,
                "TimeZoneChosen",
                new { before, after = command.TimeZoneId }
            );
            return Unit.Value;
        }
    }

    /// <summary>The zones offered: IANA's region/city zones, by id.</summary>
    public static IReadOnlyList<string> Zones { get; } =
    [
        .. TimeZoneInfo
            .GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];
}
