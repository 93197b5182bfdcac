using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>The Executive Committee's meetings, the latest first, with how many applications each decided, and how
/// many accepted applications wait for one.</summary>
public static class ListCommitteeMeetings
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Row> Meetings, int AwaitingCommittee);

    public sealed record Row(int Id, DateOnly HeldOn, string? Place, bool IsOnline, int Items, int Decided);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var meetings = await db
                .CommitteeMeetings.AsNoTracking()
                .OrderByDescending(m => m.HeldOn)
                .ThenByDescending(m => m.Id)
                .Select(m => new Row(
                    m.Id,
                    m.HeldOn,
                    m.Place,
                    m.IsOnline,
                    m.Items.Count,
                    m.Items.Count(i => i.Decision != null)
                ))
                .ToListAsync(cancellationToken);
            var awaiting = await db.MembershipApplications.CountAsync(
                a => a.State == ApplicationState.Accepted,
                cancellationToken
            );
            return new Result(meetings, awaiting);
        }
    }
}
