using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
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

    public sealed record Details(
        int Id,
        int Version,
        string Reference,
        string OrganizationName,
        string CountryCode,
        OrganizationKind Kind,
        int? Population,
        string ContactName,
        string? ContactPosition,
        string Email,
        string? Phone,
        string PreferredLanguage,
        MembershipInterest Interests,
        string? OtherInterest,
        string? HeardFrom,
        int? VisitId,
        string? Message,
        DateTime SubmittedAtUtc,
        InquiryStage Stage,
        DateTime StageChangedAtUtc,
        int? OrganizationId,
        int? RegionalOfficeId,
        string? OwnerUserId,
        DateTime? AnonymizedAtUtc
    )
    {
        public Region Region => Countries.SuggestRegion(CountryCode);

        public IReadOnlyList<InquiryStage> NextStages => MembershipInquiry.NextStages(Stage);

        public bool IsClosed => Stage is InquiryStage.Declined or InquiryStage.Withdrawn;

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

    public sealed record HistoryRow(DateTime OccurredAtUtc, string ActorName, string Action);

    public sealed record CityContext(
        int Id,
        string Name,
        string? LocalName,
        string CountryCode,
        Region Region,
        DateOnly? MemberSince,
        IReadOnlyList<VisitRow> Visits,
        IReadOnlyList<InquiryRow> OtherInquiries,
        IReadOnlyList<FollowUpRow> OpenFollowUps
    );

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
                .Select(i => new Details(
                    i.Id,
                    i.Version,
                    i.Reference,
                    i.OrganizationName,
                    i.CountryCode,
                    i.Kind,
                    i.Population,
                    i.ContactName,
                    i.ContactPosition,
                    i.Email,
                    i.Phone,
                    i.PreferredLanguage,
                    i.Interests,
                    i.OtherInterest,
                    i.HeardFrom,
                    i.VisitId,
                    i.Message,
                    i.SubmittedAtUtc,
                    i.Stage,
                    i.StageChangedAtUtc,
                    i.OrganizationId,
                    i.RegionalOfficeId,
                    i.OwnerUserId,
                    i.AnonymizedAtUtc
                ))
                .SingleOrDefaultAsync(cancellationToken);
            if (details is null)
            {
                return null;
            }

            var offices = await db
                .RegionalOffices.AsNoTracking()
                .Select(o => new
                {
                    Row = new OfficeRow(o.Id, o.Name, o.City),
                    o.Region,
                    o.IsSecretariat,
                })
                .ToListAsync(cancellationToken);
            var office = offices.FirstOrDefault(o => o.Row.Id == details.RegionalOfficeId)?.Row;
            var suggested = office is not null
                ? null
                : (
                    offices.FirstOrDefault(o => !o.IsSecretariat && o.Region == details.Region)
                    ?? offices.FirstOrDefault(o => o.IsSecretariat)
                )?.Row;
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
            var id = query.Id.ToString(CultureInfo.InvariantCulture);
            var history = await db
                .AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(MembershipInquiry) && a.EntityId == id)
                .OrderByDescending(a => a.OccurredAtUtc)
                .ThenByDescending(a => a.Id)
                .Take(100)
                .Select(a => new HistoryRow(a.OccurredAtUtc, a.ActorName, a.Action))
                .ToListAsync(cancellationToken);
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

            return new CityContext(
                organization.Id,
                organization.Name,
                organization.LocalName,
                organization.CountryCode,
                organization.Region,
                organization.MemberSince,
                visits,
                inquiries,
                followUps
            );
        }
    }
}
