using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>What the holder of a private status link sees of their application: how far it has come, why it was
/// returned, the documents they sent, and the membership it led to. Never the checklist, notes or staff
/// names.</summary>
public static class GetApplicationStatus
{
    [Public]
    public sealed record Query(string? Token) : IQuery<Status?>;

    public sealed record Status
    {
        public required string Reference { get; init; }

        public required string OrganizationName { get; init; }

        public required MembershipCategory Category { get; init; }

        public required ApplicationState State { get; init; }

        public required string? ReturnReason { get; init; }

        public required DateOnly? AcceptedOn { get; init; }

        public required DateOnly? DecidedOn { get; init; }

        public required IReadOnlyList<DocumentRow> Documents { get; init; }

        /// <summary>The organisation's membership now, once it has one.</summary>
        public required MembershipCategory? MemberCategory { get; init; }

        public required DateOnly? MemberSince { get; init; }

        public bool CanAddDocument =>
            MembershipApplication.CanAddDocumentIn(State) && Documents.Count < MembershipApplication.MaxDocuments;
    }

    public sealed record DocumentRow(string FileName, DateTime UploadedAtUtc);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Status?>
    {
        public async ValueTask<Status?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (await ApplicationByStatusLink.IdAsync(db, query.Token, cancellationToken) is not { } id)
            {
                return null;
            }

            return await db
                .MembershipApplications.AsNoTracking()
                .Where(a => a.Id == id)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, o })
                .Select(x => new Status
                {
                    Reference = x.a.Reference,
                    OrganizationName = x.o.Name,
                    Category = x.a.Category,
                    State = x.a.State,
                    ReturnReason = x.a.ReturnReason,
                    AcceptedOn = x.a.AcceptedOn,
                    DecidedOn = x.a.DecidedOn,
                    Documents = x
                        .a.Documents.OrderBy(d => d.UploadedAtUtc)
                        .ThenBy(d => d.Id)
                        .Where(d => d.SentByApplicant)
                        .Select(d => new DocumentRow(d.FileName, d.UploadedAtUtc))
                        .ToList(),
                    MemberCategory = db
                        .Members.Where(m => m.OrganizationId == x.o.Id && m.Status == MemberStatus.Active)
                        .Select(m => (MembershipCategory?)m.Category)
                        .FirstOrDefault(),
                    MemberSince = db
                        .Members.Where(m => m.OrganizationId == x.o.Id && m.Status == MemberStatus.Active)
                        .Select(m => (DateOnly?)m.MemberSince)
                        .FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
