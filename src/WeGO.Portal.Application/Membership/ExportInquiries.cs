using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Membership;

/// <summary>The filtered inquiries as CSV: UTF-8 with a byte-order mark so Excel reads accents and Korean; times in
/// ISO 8601 with their offset, in the viewer's time zone like the list and its date filter.</summary>
public static class ExportInquiries
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(ListInquiries.Filter Filter) : IQuery<byte[]>;

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            var zone = viewer.TimeZoneId;
            return await Csv.FileAsync(
                [
                    "Reference",
                    $"Submitted ({zone})",
                    "Organisation",
                    "Country",
                    "Region",
                    "Kind",
                    "Population",
                    "Contact",
                    "Position",
                    "Email",
                    "Phone",
                    "Language",
                    "Interests",
                    "Stage",
                    $"Stage changed ({zone})",
                    "Regional office",
                    "Owner",
                ],
                ListInquiries.Project(db, query.Filter.Apply(db, zone)).AsAsyncEnumerable(),
                row =>
                    [
                        row.Reference,
                        Csv.Instant(row.SubmittedAtUtc, zone),
                        row.OrganizationName,
                        row.CountryCode,
                        row.Region,
                        row.Kind,
                        row.Population,
                        row.ContactName,
                        row.ContactPosition,
                        row.Email,
                        row.Phone,
                        row.PreferredLanguage,
                        row.Interests,
                        row.Stage,
                        Csv.Instant(row.StageChangedAtUtc, zone),
                        row.RegionalOffice,
                        row.Owner,
                    ],
                cancellationToken
            );
        }
    }
}
