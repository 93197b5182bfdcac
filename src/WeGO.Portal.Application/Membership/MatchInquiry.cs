using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff match an inquiry to an existing city record ("merge" it into the record the Secretariat already
/// keeps, with its visits and earlier inquiries). Candidates: the same name in the same country, similar names,
/// and whatever the search finds.</summary>
public static class MatchInquiry
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int InquiryId { get; init; }

        public int Version { get; init; }

        public int OrganizationId { get; init; }
    }

    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record CandidatesQuery(int InquiryId, string? Search = null) : IQuery<Candidates?>;

    public sealed record Candidates
    {
        public required int InquiryId { get; init; }

        public required int Version { get; init; }

        public required string Reference { get; init; }

        public required string OrganizationName { get; init; }

        public required string CountryCode { get; init; }

        public required InquiryStage Stage { get; init; }

        public required int? MatchedOrganizationId { get; init; }

        public required IReadOnlyList<Candidate> Similar { get; init; }

        public required IReadOnlyList<Candidate> Found { get; init; }
    }

    public sealed record Candidate(int Id, string Name, string CountryCode, DateOnly? MemberSince, int Visits);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.OrganizationId).GreaterThan(0);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            if (!await db.Organizations.AnyAsync(o => o.Id == command.OrganizationId, cancellationToken))
            {
                throw new DomainException("Organization.NotFound");
            }

            inquiry.MatchTo(command.OrganizationId);
            return Unit.Value;
        }
    }

    public sealed class CandidatesHandler(PortalDbContext db) : IQueryHandler<CandidatesQuery, Candidates?>
    {
        public async ValueTask<Candidates?> Handle(CandidatesQuery query, CancellationToken cancellationToken)
        {
            var inquiry = await db
                .MembershipInquiries.AsNoTracking()
                .Where(i => i.Id == query.InquiryId)
                .Select(i => new
                {
                    i.Id,
                    i.Version,
                    i.Reference,
                    i.OrganizationName,
                    i.CountryCode,
                    i.Stage,
                    i.OrganizationId,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (inquiry is null)
            {
                return null;
            }

            var ids = new List<int>();
            if (
                await SimilarOrganizations.FindSameAsync(
                    db,
                    inquiry.OrganizationName,
                    inquiry.CountryCode,
                    cancellationToken
                ) is
                { } same
            )
            {
                ids.Add(same.Id);
            }

            ids.AddRange(
                (
                    await SimilarOrganizations.FindAsync(
                        db,
                        inquiry.OrganizationName,
                        inquiry.CountryCode,
                        cancellationToken
                    )
                ).Select(o => o.Id)
            );
            var similar = await Describe(db.Organizations.Where(o => ids.Contains(o.Id)))
                .ToListAsync(cancellationToken);
            similar = [.. similar.OrderBy(c => ids.IndexOf(c.Id))];

            IReadOnlyList<Candidate> found = [];
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                found = await Describe(FindOrganizations.Matching(db, query.Search)).ToListAsync(cancellationToken);
            }

            return new Candidates
            {
                InquiryId = inquiry.Id,
                Version = inquiry.Version,
                Reference = inquiry.Reference,
                OrganizationName = inquiry.OrganizationName,
                CountryCode = inquiry.CountryCode,
                Stage = inquiry.Stage,
                MatchedOrganizationId = inquiry.OrganizationId,
                Similar = similar,
                Found = found,
            };
        }

        private IQueryable<Candidate> Describe(IQueryable<Domain.Organizations.Organization> organizations) =>
            organizations.Select(o => new Candidate(
                o.Id,
                o.Name,
                o.CountryCode,
                o.MemberSince,
                db.Visits.Count(v => v.OrganizationId == o.Id)
            ));
    }
}
