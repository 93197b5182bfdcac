using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>How many inquiries wait at New, for the badge in the navigation. One count on the (Stage, SubmittedAtUtc)
/// index, kept until an inquiry changes.</summary>
public static class CountNewInquiries
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(PortalDbContext db, ReadCache cache) : IQueryHandler<Query, int>
    {
        private static readonly string[] DependsOn = [ChangedData.TagOf<MembershipInquiry>()];

        public ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            cache.GetOrReadAsync(
                "new-inquiries",
                DependsOn,
                async token => await db.MembershipInquiries.CountAsync(i => i.Stage == InquiryStage.New, token),
                cancellationToken
            );
    }
}
