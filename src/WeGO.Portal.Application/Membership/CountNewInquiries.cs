using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>How many inquiries wait at New, for the badge in the navigation. One count on the (Stage, SubmittedAtUtc)
/// index.</summary>
public static class CountNewInquiries
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, int>
    {
        public async ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            await db.MembershipInquiries.CountAsync(i => i.Stage == InquiryStage.New, cancellationToken);
    }
}
