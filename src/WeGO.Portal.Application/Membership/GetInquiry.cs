using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Membership;

/// <summary>One inquiry for the Secretariat: what the inquirer sent, where it stands, who handles it, the internal
/// notes and history, and the city context (the matched organisation's visits, other inquiries and open
/// follow-ups).</summary>
public static class GetInquiry
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(int Id) : IQuery<Details?>;

    public sealed record Details
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required string Reference { get; init; }

        public required string OrganizationName { get; init; }

        public required string CountryCode { get; init; }

        public required OrganizationKind Kind { get; init; }

        public required int? Population { get; init; }

        public required string ContactName { get; init; }

        public required string? ContactPosition { get; init; }

        public required string Email { get; init; }

        public required string? Phone { get; init; }

        public required string PreferredLanguage { get; init; }

        public required MembershipInterest Interests { get; init; }

        public required string? OtherInterest { get; init; }

        public required string? HeardFrom { get; init; }

        public required int? VisitId { get; init; }

        public required string? Message { get; init; }

        public required DateTime SubmittedAtUtc { get; init; }

        public required InquiryStage Stage { get; init; }

        public required DateTime StageChangedAtUtc { get; init; }

        public required int? OrganizationId { get; init; }

        public required int? RegionalOfficeId { get; init; }

        public required string? OwnerUserId { get; init; }

        public required DateTime? AnonymizedAtUtc { get; init; }

        /// <summary>
        /// The membership application that grew from the inquiry (the latest), once staff opened one.
        /// </summary>
        public required int? ApplicationId { get; init; }

        public Region Region => Countries.SuggestRegion(CountryCode);

        /// <summary>The stages staff may move it to by hand: none once it has an application, which it
        /// follows.</summary>
        public IReadOnlyList<InquiryStage> NextStages =>
            ApplicationId is null ? MembershipInquiry.NextStages(Stage) : [];

        public bool CanChangeMatch => MembershipInquiry.CanChangeMatchIn(Stage);

        public bool CanAnonymize => MembershipInquiry.CanAnonymizeIn(Stage);

        public OfficeRow? RegionalOffice { get; init; }

        /// <summary>The office of the country's region (the Secretariat where a region has none), when none is
        /// set.</summary>
        public OfficeRow? SuggestedOffice { get; init; }

        public string? OwnerName { get; init; }

        public IReadOnlyList<NoteRow> Notes { get; init; } = [];

        public IReadOnlyList<HistoryRow> History { get; init; } = [];

        public CityContext? City { get; init; }
    }

    public sealed record OfficeRow(int Id, string Name, string City);

    public sealed record NoteRow(string Text, string Author, DateTime WrittenAtUtc);

    public sealed record CityContext
    {
        public required int Id { get; init; }

        public required string Name { get; init; }

        public required string? LocalName { get; init; }

        public required string CountryCode { get; init; }

        public required Region Region { get; init; }

        public required DateOnly? MemberSince { get; init; }

        public required IReadOnlyList<VisitRow> Visits { get; init; }

        public required IReadOnlyList<InquiryRow> OtherInquiries { get; init; }

        public required IReadOnlyList<FollowUpRow> OpenFollowUps { get; init; }
    }

    public sealed record VisitRow(int Id, DateTime StartsAtUtc, string TimeZoneId, VisitStatus Status, string Purpose);

    public sealed record InquiryRow(int Id, string Reference, DateTime SubmittedAtUtc, InquiryStage Stage);

    public sealed record FollowUpRow(int Id, int? VisitId, string Description, string OwnerName, DateOnly DueOn);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = await db
                .MembershipInquiries.AsNoTracking()
                .Where(i => i.Id == query.Id)
                .Select(i => new Details
                {
                    Id = i.Id,
                    Version = i.Version,
                    Reference = i.Reference,
                    OrganizationName = i.OrganizationName,
                    CountryCode = i.CountryCode,
                    Kind = i.Kind,
                    Population = i.Population,
                    ContactName = i.ContactName,
                    ContactPosition = i.ContactPosition,
                    Email = i.Email,
                    Phone = i.Phone,
                    PreferredLanguage = i.PreferredLanguage,
                    Interests = i.Interests,
                    OtherInterest = i.OtherInterest,
                    HeardFrom = i.HeardFrom,
                    VisitId = i.VisitId,
                    Message = i.Message,
                    SubmittedAtUtc = i.SubmittedAtUtc,
                    Stage = i.Stage,
                    StageChangedAtUtc = i.StageChangedAtUtc,
                    OrganizationId = i.OrganizationId,
                    RegionalOfficeId = i.RegionalOfficeId,
                    OwnerUserId = i.OwnerUserId,
                    AnonymizedAtUtc = i.AnonymizedAtUtc,
                    ApplicationId = db
                        .MembershipApplications.Where(a => a.InquiryId == i.Id)
                        .OrderByDescending(a => a.Id)
                        .Select(a => (int?)a.Id)
                        .FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (details is null)
            {
                return null;
            }

            var officeId = details.RegionalOfficeId;
            var suggestedId = officeId is null
                ? await OfficeForRegion.IdAsync(db, details.Region, cancellationToken)
                : null;
            var offices = await db
                .RegionalOffices.AsNoTracking()
                .Where(o => o.Id == officeId || o.Id == suggestedId)
                .Select(o => new OfficeRow(o.Id, o.Name, o.City))
                .ToListAsync(cancellationToken);
            var office = offices.FirstOrDefault(o => o.Id == officeId);
            var suggested = offices.FirstOrDefault(o => o.Id == suggestedId);
            var ownerName = details.OwnerUserId is null
                ? null
                : await db
                    .Users.Where(u => u.Id == details.OwnerUserId)
                    .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email)
                    .FirstOrDefaultAsync(cancellationToken);
            var notes = await db.Set<InquiryNote>()
                .AsNoTracking()
                .Where(n => EF.Property<int>(n, "InquiryId") == query.Id)
                .OrderByDescending(n => n.WrittenAtUtc)
                .ThenByDescending(n => n.Id)
                .Select(n => new NoteRow(n.Text, n.Author, n.WrittenAtUtc))
                .ToListAsync(cancellationToken);
            var history = await History.OfAsync(db, nameof(MembershipInquiry), query.Id, cancellationToken);
            var city = details.OrganizationId is { } organizationId
                ? await CityAsync(organizationId, query.Id, cancellationToken)
                : null;

            return details with
            {
                RegionalOffice = office,
                SuggestedOffice = suggested,
                OwnerName = ownerName,
                Notes = notes,
                History = history,
                City = city,
            };
        }

        private async Task<CityContext?> CityAsync(
            int organizationId,
            int inquiryId,
            CancellationToken cancellationToken
        )
        {
            var organization = await db
                .Organizations.AsNoTracking()
                .Where(o => o.Id == organizationId)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.LocalName,
                    o.CountryCode,
                    o.Region,
                    o.MemberSince,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (organization is null)
            {
                return null;
            }

            var visits = await db
                .Visits.AsNoTracking()
                .Where(v => v.OrganizationId == organizationId)
                .OrderByDescending(v => v.StartsAtUtc)
                .Take(50)
                .Select(v => new VisitRow(v.Id, v.StartsAtUtc, v.TimeZoneId, v.Status, v.Purpose))
                .ToListAsync(cancellationToken);
            var inquiries = await db
                .MembershipInquiries.AsNoTracking()
                .Where(i => i.OrganizationId == organizationId && i.Id != inquiryId)
                .OrderByDescending(i => i.SubmittedAtUtc)
                .Take(50)
                .Select(i => new InquiryRow(i.Id, i.Reference, i.SubmittedAtUtc, i.Stage))
                .ToListAsync(cancellationToken);
            var visitIds = db.Visits.Where(v => v.OrganizationId == organizationId).Select(v => (int?)v.Id);
            var followUps = await db
                .FollowUps.AsNoTracking()
                .Where(f =>
                    f.Status == FollowUpStatus.Open && (visitIds.Contains(f.VisitId) || f.InquiryId == inquiryId)
                )
                .OrderBy(f => f.DueOn)
                .ThenBy(f => f.Id)
                .Select(f => new FollowUpRow(f.Id, f.VisitId, f.Description, f.OwnerName, f.DueOn))
                .ToListAsync(cancellationToken);

            return new CityContext
            {
                Id = organization.Id,
                Name = organization.Name,
                LocalName = organization.LocalName,
                CountryCode = organization.CountryCode,
                Region = organization.Region,
                MemberSince = organization.MemberSince,
                Visits = visits,
                OtherInquiries = inquiries,
                OpenFollowUps = followUps,
            };
        }
    }
}
