using Mediator;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>The delegation's contact takes a delegate off the roster on the delegation page, until the roster
/// deadline.</summary>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class RemoveDelegateOnDelegationPage
#pragma warning restore CA1711
{
    [Public]
    public sealed record Command(string? Token, int MemberId) : ICommand;

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<DelegationSettings> settings)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var visit = await db.LoadForDelegationAsync(command.Token, now, settings.Value, cancellationToken);
            visit.EnsureRosterOpenToDelegation(now);
            visit.RemoveDelegationMember(command.MemberId);
            return Unit.Value;
        }
    }
}
