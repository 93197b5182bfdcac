using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>A meeting of the Executive Committee as its agenda and minutes show it, with the applications still waiting
/// for a decision that could be put before it.</summary>
public static class GetCommitteeMeeting
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(int Id) : IQuery<Meeting?>;

    public sealed record Meeting
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required DateOnly HeldOn { get; init; }

        public required string? Place { get; init; }

        public required bool IsOnline { get; init; }

        public required string? MembersPresent { get; init; }

        public required IReadOnlyList<Item> Items { get; init; }

        /// <summary>Applications accepted by the meeting's day and not yet on its agenda.</summary>
        public IReadOnlyList<Pending> Pending { get; init; } = [];
    }

    public sealed record Item(
        int Order,
        int ApplicationId,
        string Reference,
        string OrganizationName,
        string CountryCode,
        AgendaQuestion Question,
        CommitteeDecision? Decision,
        string? Resolution
    );

    public sealed record Pending(
        int ApplicationId,
        string Reference,
        string OrganizationName,
        MembershipCategory Category
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Meeting?>
    {
        public async ValueTask<Meeting?> Handle(Query query, CancellationToken cancellationToken)
        {
            var meeting = await db
                .CommitteeMeetings.AsNoTracking()
                .Where(m => m.Id == query.Id)
                .Select(m => new Meeting
                {
                    Id = m.Id,
                    Version = m.Version,
                    HeldOn = m.HeldOn,
                    Place = m.Place,
                    IsOnline = m.IsOnline,
                    MembersPresent = m.MembersPresent,
                    Items = m
                        .Items.OrderBy(i => i.Order)
                        .Join(db.MembershipApplications, i => i.ApplicationId, a => a.Id, (i, a) => new { i, a })
                        .Join(
                            db.Organizations,
                            x => x.a.OrganizationId,
                            o => o.Id,
                            (x, o) =>
                                new
                                {
                                    x.i,
                                    x.a,
                                    o,
                                }
                        )
                        .Select(x => new Item(
                            x.i.Order,
                            x.a.Id,
                            x.a.Reference,
                            x.o.Name,
                            x.o.CountryCode,
                            x.i.Question,
                            x.i.Decision,
                            x.i.Resolution
                        ))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (meeting is null)
            {
                return null;
            }

            var pending = await db
                .MembershipApplications.AsNoTracking()
                .Where(a =>
                    a.State == ApplicationState.Accepted
                    && a.AcceptedOn <= meeting.HeldOn
                    && !db.CommitteeMeetings.Any(m => m.Id == query.Id && m.Items.Any(i => i.ApplicationId == a.Id))
                )
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, o })
                .OrderBy(x => x.a.AcceptedOn)
                .ThenBy(x => x.a.Id)
                .Select(x => new Pending(x.a.Id, x.a.Reference, x.o.Name, x.a.Category))
                .ToListAsync(cancellationToken);
            return meeting with { Pending = pending };
        }
    }
}
