using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>What the holder of a visit request's private link may see: the reference, the organisation, the dates
/// asked, where the request stands, and the Secretariat's proposal of other dates or its reason to decline. Never
/// anything staff keep for themselves.</summary>
public static class GetVisitRequestStatus
{
    [Public]
    public sealed record Query(string? Token) : IQuery<Status?>;

    public sealed record Status(
        string Reference,
        string OrganizationName,
        string CountryCode,
        DateTime SubmittedAtUtc,
        DateOnly EarliestDate,
        DateOnly LatestDate,
        DateFlexibility Flexibility,
        VisitRequestStatus State,
        DateTime StatusChangedAtUtc,
        DateOnly? ProposedEarliestDate,
        DateOnly? ProposedLatestDate,
        string? ProposalMessage,
        string? CityAnswer,
        string? DeclineReason
    )
    {
        public bool AwaitsCity => State == VisitRequestStatus.DatesProposed;
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Status?>
    {
        public async ValueTask<Status?> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = PrivateLinks.HashIfWellFormed(query.Token);
            return hash is null
                ? null
                : await db
                    .VisitRequests.AsNoTracking()
                    .Where(r => r.StatusTokenHash == hash)
                    .Select(r => new Status(
                        r.Reference,
                        r.OrganizationName,
                        r.CountryCode,
                        r.SubmittedAtUtc,
                        r.EarliestDate,
                        r.LatestDate,
                        r.Flexibility,
                        r.Status,
                        r.StatusChangedAtUtc,
                        r.ProposedEarliestDate,
                        r.ProposedLatestDate,
                        r.ProposalMessage,
                        r.CityAnswer,
                        r.DeclineReason
                    ))
                    .SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>The request behind a private link, for the city's answer to a proposal; an unknown link is
    /// "not found", as the page shows it.</summary>
    internal static async Task<VisitRequest> RequestAsync(
        PortalDbContext db,
        string? token,
        CancellationToken cancellationToken
    )
    {
        var hash = PrivateLinks.HashIfWellFormed(token);
        return await db.VisitRequests.SingleOrDefaultAsync(r => r.StatusTokenHash == hash, cancellationToken)
            ?? throw new DomainException("VisitRequest.NotFound");
    }
}
