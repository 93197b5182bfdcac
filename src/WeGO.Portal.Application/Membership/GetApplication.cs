using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>An application as staff check it: the applicant, the documents, the checklist, what may be done
/// next.</summary>
public static class GetApplication
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(int Id) : IQuery<Details?>;

    public sealed record Details
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required string Reference { get; init; }

        public required int OrganizationId { get; init; }

        public required string OrganizationName { get; init; }

        public required string CountryCode { get; init; }

        public required int? InquiryId { get; init; }

        public required MembershipCategory Category { get; init; }

        public required ApplicationState State { get; init; }

        public required DateTime ReceivedAtUtc { get; init; }

        public required string ContactName { get; init; }

        public required string ContactEmail { get; init; }

        public required string Language { get; init; }

        public required bool IsSigned { get; init; }

        public required bool SignatoryIsAuthorised { get; init; }

        public required bool ContactConfirmed { get; init; }

        public required string? ReturnReason { get; init; }

        public required DateOnly? AcceptedOn { get; init; }

        public required CommitteeDecision? Decision { get; init; }

        public required DateOnly? DecidedOn { get; init; }

        public required IReadOnlyList<DocumentRow> Documents { get; init; }

        public bool CanAddDocument =>
            MembershipApplication.CanAddDocumentIn(State) && Documents.Count < MembershipApplication.MaxDocuments;

        public bool CanCheck => MembershipApplication.CanCheckIn(State);

        public bool CanWithdraw => MembershipApplication.CanWithdrawIn(State);
    }

    public sealed record DocumentRow(
        int Id,
        string FileName,
        DocumentType Type,
        long SizeBytes,
        bool SentByApplicant,
        DateTime UploadedAtUtc
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .MembershipApplications.AsNoTracking()
                .Where(a => a.Id == query.Id)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, o })
                .Select(x => new Details
                {
                    Id = x.a.Id,
                    Version = x.a.Version,
                    Reference = x.a.Reference,
                    OrganizationId = x.o.Id,
                    OrganizationName = x.o.Name,
                    CountryCode = x.o.CountryCode,
                    InquiryId = x.a.InquiryId,
                    Category = x.a.Category,
                    State = x.a.State,
                    ReceivedAtUtc = x.a.ReceivedAtUtc,
                    ContactName = x.a.ContactName,
                    ContactEmail = x.a.ContactEmail,
                    Language = x.a.Language,
                    IsSigned = x.a.IsSigned,
                    SignatoryIsAuthorised = x.a.SignatoryIsAuthorised,
                    ContactConfirmed = x.a.ContactConfirmed,
                    ReturnReason = x.a.ReturnReason,
                    AcceptedOn = x.a.AcceptedOn,
                    Decision = x.a.Decision,
                    DecidedOn = x.a.DecidedOn,
                    Documents = x
                        .a.Documents.OrderBy(d => d.UploadedAtUtc)
                        .ThenBy(d => d.Id)
                        .Select(d => new DocumentRow(
                            d.Id,
                            d.FileName,
                            d.Type,
                            d.SizeBytes,
                            d.SentByApplicant,
                            d.UploadedAtUtc
                        ))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
    }
}
