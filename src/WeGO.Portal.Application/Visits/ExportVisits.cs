using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The filtered visits list as CSV: UTF-8 with a byte-order mark so Excel reads accents and Korean.</summary>
public static class ExportVisits
{
    public sealed record Query(ListVisits.Filter Filter) : IQuery<byte[]>;

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken)
        {
            return await Csv.FileAsync(
                "Id,City,Country,Region,Starts (venue time),Ends (venue time),Time zone,Status,Headcount,Head of delegation,Hosts",
                ListVisits.Project(query.Filter.Apply(db)).AsAsyncEnumerable(),
                row =>
                [
                    row.Id.ToString(CultureInfo.InvariantCulture),
                    Csv.Field(row.Organization),
                    row.CountryCode,
                    row.Region.ToString(),
                    VenueTime.ToLocal(row.StartsAtUtc, row.TimeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    VenueTime.ToLocal(row.EndsAtUtc, row.TimeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    row.TimeZoneId,
                    row.Status.ToString(),
                    row.Headcount.ToString(CultureInfo.InvariantCulture),
                    Csv.Field(row.HeadOfDelegation),
                    Csv.Field(string.Join("; ", row.Hosts)),
                ],
                cancellationToken);
        }
    }
}
