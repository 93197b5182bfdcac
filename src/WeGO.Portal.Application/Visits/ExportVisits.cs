using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The filtered visits list as CSV: UTF-8 with a byte-order mark so Excel reads accents and Korean. Times are
/// ISO 8601 with their offset: in the viewer's time zone, the days the list and its date filter use, and at the
/// venue.</summary>
public static class ExportVisits
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(ListVisits.Filter Filter) : IQuery<byte[]>;

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            var zone = viewer.TimeZoneId;
            return await Csv.FileAsync(
                [
                    "Id",
                    "City",
                    "Country",
                    "Region",
                    $"Starts ({zone})",
                    $"Ends ({zone})",
                    "Starts at the venue",
                    "Venue time zone",
                    "Status",
                    "Headcount",
                    "Head of delegation",
                    "Hosts",
                ],
                ListVisits.Project(query.Filter.Apply(db, zone)).AsAsyncEnumerable(),
                row =>
                    [
                        row.Id,
                        row.Organization,
                        row.CountryCode,
                        row.Region,
                        Csv.Instant(row.StartsAtUtc, zone),
                        Csv.Instant(row.EndsAtUtc, zone),
                        Csv.Instant(row.StartsAtUtc, row.TimeZoneId),
                        row.TimeZoneId,
                        row.Status,
                        row.Headcount,
                        row.HeadOfDelegation,
                        string.Join("; ", row.Hosts),
                    ],
                cancellationToken
            );
        }
    }
}
