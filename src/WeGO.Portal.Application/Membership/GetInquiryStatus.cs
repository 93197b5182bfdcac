using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>What the holder of a private status link may see: their reference, organisation, when they wrote and
/// how far the inquiry has come. Never notes, owner, office or anything else staff keep.</summary>
public static class GetInquiryStatus
{
    [Public]
    public sealed record Query(string? Token) : IQuery<Status?>;

    public sealed record Status(
        string Reference,
        string OrganizationName,
        string CountryCode,
        DateTime SubmittedAtUtc,
        InquiryStage Stage,
        DateTime StageChangedAtUtc
    );

    /// <summary>The usual way forward; Declined and Withdrawn end it early.</summary>
    public static readonly IReadOnlyList<InquiryStage> Path =
    [
        InquiryStage.New,
        InquiryStage.Contacted,
        InquiryStage.ApplicationSent,
        InquiryStage.UnderReview,
        InquiryStage.Approved,
    ];

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Status?>
    {
        public async ValueTask<Status?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (PrivateLinks.HashIfWellFormed(query.Token) is not { } hash)
            {
                return null;
            }

            return await db
                .MembershipInquiries.AsNoTracking()
                .Where(i => i.StatusToken == hash)
                .Select(i => new Status(
                    i.Reference,
                    i.OrganizationName,
                    i.CountryCode,
                    i.SubmittedAtUtc,
                    i.Stage,
                    i.StageChangedAtUtc
                ))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
