using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>The filtered member registry as CSV (dates in ISO 8601).</summary>
public static class ExportMembers
{
    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(ListMembers.Filter Filter) : IQuery<byte[]>;

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken cancellationToken) =>
            await Csv.FileAsync(
                ["Organisation", "Country", "Region", "Category", "Status", "Member since"],
                query.Filter.Apply(db).AsAsyncEnumerable(),
                row =>
                    [
                        row.OrganizationName,
                        row.CountryCode,
                        row.Region,
                        row.Category,
                        row.Status,
                        row.MemberSince.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ],
                cancellationToken
            );
    }
}
